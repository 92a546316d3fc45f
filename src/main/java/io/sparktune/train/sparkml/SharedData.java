package io.sparktune.train.sparkml;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Messages;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A run's data, read once on the driver and cached, shared by every trial of the run: the training
 * and validation sets of each fold (one fold for a split or a validation path), with the label and
 * one features vector column, and a uniform random column that takes nested fractions of the
 * training rows for early stopping on the data fraction; and the run's {@link FitSlots}. It never leaves
 * the driver: trials run there.
 *
 * @param runId unique to this run in this Spark application, so trials' job groups never collide with another run's
 * @param fits  the fits that may run at once, over all trials and their folds: the run's {@code parallelism}
 */
public record SharedData(String runId, List<Fold> folds, FitSlots fits) implements Serializable {
    /** Splits and fractions are fixed, so every trial of a sweep fits and validates on the same rows. */
    static final long SEED = 20_240_601L;
    public static final String FEATURES = "sparktune_features";
    private static final String UNIFORM = "sparktune_u";
    private static final String TRAIN_KEY = "trainable.data.train";
    private static final String VALIDATION_KEY = "trainable.data.validation";
    private static final String LABEL_KEY = "trainable.data.label";
    private static final String FEATURES_KEY = "trainable.data.features";
    private static final String FOLD_KEY = "trainable.data.validation.foldCol";

    /** One training set and the rows it is validated on. */
    public record Fold(Dataset<Row> train, Dataset<Row> validation) implements Serializable {
        /** The first {@code fraction} of the training rows by the fixed random column: a larger fraction holds a smaller one. */
        public Dataset<Row> train(double fraction) {
            return fraction >= 1 ? train : train.filter(functions.col(UNIFORM).lt(fraction));
        }
    }

    /**
     * Reads the data as {@code data} says, keeping the label as a double and the features as one
     * vector column named {@link #FEATURES} (or, without {@code assemble}, the feature columns as they
     * are, for a pipeline that assembles them itself), and the fold column where {@code data} names one;
     * then splits and caches it.
     *
     * @throws InvalidInputException when a named column is missing, the label or a feature to assemble
     *     is not numeric, or the fold column does not hold k folds
     */
    public static SharedData read(SparkSession spark, MlData data, boolean assemble, int fitsAtOnce) throws IOException {
        Dataset<Row> table = read(spark, data, data.train(), TRAIN_KEY);
        if (data.foldCol() != null) {
            FoldColumn.problem(table, data.foldCol(), data.folds()).ifPresent(problem -> {
                throw new InvalidInputException(data.train(), FOLD_KEY, problem);
            });
        }
        Dataset<Row> train = prepare(table, data.train(), data, assemble);
        if (data.validation() != null) {
            Dataset<Row> validation = cache(prepare(read(spark, data, data.validation(), VALIDATION_KEY), data.validation(), data, assemble));
            return new SharedData(UUID.randomUUID().toString(), List.of(new Fold(cache(withUniform(train)), validation)),
                    new FitSlots(fitsAtOnce));
        }
        if (data.foldCol() != null) {
            return byColumn(train, data.foldCol(), data.folds(), fitsAtOnce);
        }
        return split(train, data.folds(), data.split(), fitsAtOnce);
    }

    /**
     * {@code rows} split into k folds, or (with {@code folds} 0) into a training and a validation
     * set holding out {@code heldOut} of the rows; every set cached. Where a row goes, and which
     * fractions of the training rows it is in, follow from a hash of its values, so a rerun (a
     * resumed sweep) splits the same way however the rows are partitioned.
     */
    public static SharedData split(Dataset<Row> rows, int folds, double heldOut, int fitsAtOnce) {
        Dataset<Row> all = withUniform(rows);
        Column position = unit(rows, SEED + 1);
        List<Fold> made = new ArrayList<>();
        if (folds == 0) {
            Column held = position.lt(heldOut);
            made.add(new Fold(cache(all.filter(functions.not(held))), cache(all.filter(held))));
        } else {
            for (int k = 0; k < folds; k++) {
                Column held = functions.floor(position.multiply(folds)).equalTo(k);
                made.add(new Fold(cache(all.filter(functions.not(held))), cache(all.filter(held))));
            }
        }
        return new SharedData(UUID.randomUUID().toString(), List.copyOf(made), new FitSlots(fitsAtOnce));
    }

    /**
     * {@code rows} split into k folds by their values in {@code foldColumn}, 0 to k-1, as MLlib's
     * {@code CrossValidator.setFoldCol} splits them: fold i validates on the rows marked i.
     */
    public static SharedData byColumn(Dataset<Row> rows, String foldColumn, int folds, int fitsAtOnce) {
        Dataset<Row> all = withUniform(rows);
        List<Fold> made = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            Column held = all.col(foldColumn).equalTo(k);
            made.add(new Fold(cache(all.filter(functions.not(held))), cache(all.filter(held))));
        }
        return new SharedData(UUID.randomUUID().toString(), List.copyOf(made), new FitSlots(fitsAtOnce));
    }

    /** Frees the cached sets once the run is over. */
    public void release() {
        folds.forEach(fold -> {
            fold.train().unpersist();
            fold.validation().unpersist();
        });
    }

    private static Dataset<Row> withUniform(Dataset<Row> rows) {
        return rows.withColumn(UNIFORM, unit(rows, SEED + 2));
    }

    /** A number in [0, 1) from a seeded hash of the row's values. */
    private static Column unit(Dataset<Row> rows, long seed) {
        List<Column> values = new ArrayList<>();
        values.add(functions.lit(seed));
        Arrays.stream(rows.columns()).map(rows::col).forEach(values::add);
        long buckets = 1L << 40;
        return functions.pmod(functions.xxhash64(values.toArray(new Column[0])), functions.lit(buckets)).divide((double) buckets);
    }

    /** @throws InvalidInputException when there is no such path or table, naming it and {@code key} */
    private static Dataset<Row> read(SparkSession spark, MlData data, String path, String key) {
        try {
            return switch (data.format()) {
                case PARQUET -> spark.read().parquet(path);
                case CSV -> spark.read().option("header", "true").option("inferSchema", "true").csv(path);
                case LIBSVM -> spark.read().format("libsvm").load(path);
                case TABLE -> spark.table(path);
            };
        } catch (Exception e) {
            // Spark's Scala readers throw AnalysisException undeclared, so it cannot be caught by name.
            if (e instanceof AnalysisException) {
                throw new InvalidInputException(path, key, Messages.firstLine(e.getMessage(), "cannot read"));
            }
            throw e;
        }
    }

    /**
     * The label as a double and one features vector, assembled from numeric columns when need be; the fold column as it is.
     *
     * @param where the path or table {@code table} was read from, which its errors name
     */
    private static Dataset<Row> prepare(Dataset<Row> table, String where, MlData data, boolean assemble) {
        StructField label = field(table, data.label(), where, LABEL_KEY);
        if (!(label.dataType() instanceof NumericType)) {
            throw new InvalidInputException(where, LABEL_KEY, "column '" + data.label() + "' is " + label.dataType().simpleString() + ", not numeric");
        }
        List<Column> kept = new ArrayList<>(List.of(table.col(data.label()).cast("double").as(data.label())));
        if (data.foldCol() != null) {
            kept.add(table.col(data.foldCol()));
        }
        if (!assemble) {
            for (String column : data.features()) {
                kept.add(table.col(field(table, column, where, FEATURES_KEY).name()));
            }
            return table.select(kept.toArray(new Column[0]));
        }
        Column features;
        if (data.features().size() == 1 && isVector(table, data.features().get(0))) {
            features = table.col(data.features().get(0));
        } else {
            for (String column : data.features()) {
                DataType type = field(table, column, where, FEATURES_KEY).dataType();
                if (!(type instanceof NumericType)) {
                    throw new InvalidInputException(where, FEATURES_KEY, "column '" + column + "' is " + type.simpleString() + ", not numeric or a vector");
                }
            }
            Dataset<Row> assembled = new VectorAssembler().setInputCols(data.features().toArray(new String[0]))
                    .setOutputCol(FEATURES).setHandleInvalid("error").transform(table);
            table = assembled;
            features = assembled.col(FEATURES);
        }
        kept.add(features.as(FEATURES));
        return table.select(kept.toArray(new Column[0]));
    }

    private static boolean isVector(Dataset<Row> table, String column) {
        return Arrays.asList(table.columns()).contains(column) && table.schema().apply(column).dataType().sameType(SQLDataTypes.VectorType());
    }

    private static StructField field(Dataset<Row> table, String column, String where, String key) {
        if (!Arrays.asList(table.columns()).contains(column)) {
            throw new InvalidInputException(where, key, "no column '" + column + "' (columns: " + String.join(", ", table.columns()) + ")");
        }
        return table.schema().apply(column);
    }

    private static Dataset<Row> cache(Dataset<Row> rows) {
        return rows.persist(StorageLevel.MEMORY_AND_DISK());
    }
}
