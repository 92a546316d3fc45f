package io.sparktune.train.sparkml;

import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
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
 * training rows for early stopping on the data fraction. It never leaves the driver: trials run there.
 *
 * @param runId unique to this run in this Spark application, so trials' job groups never collide with another run's
 */
public record SharedData(String runId, List<Fold> folds, String label, String features) implements Serializable {
    /** Splits and fractions are fixed, so every trial of a sweep fits and validates on the same rows. */
    static final long SEED = 20_240_601L;
    static final String FEATURES = "sparktune_features";
    private static final String UNIFORM = "sparktune_u";

    /** One training set and the rows it is validated on. */
    public record Fold(Dataset<Row> train, Dataset<Row> validation) implements Serializable {
        /** The first {@code fraction} of the training rows by the fixed random column: a larger fraction holds a smaller one. */
        public Dataset<Row> train(double fraction) {
            return fraction >= 1 ? train : train.filter(functions.col(UNIFORM).lt(fraction));
        }
    }

    /** Reads, selects, splits and caches the data as {@code data} says. */
    public static SharedData read(SparkSession spark, MlData data) throws IOException {
        // Cached before it is split, so that the random columns the splits and fractions rest on are drawn once.
        Dataset<Row> train = cache(prepare(read(spark, data, data.train()), data));
        List<Fold> folds = new ArrayList<>();
        if (data.validation() != null) {
            folds.add(new Fold(train, cache(prepare(read(spark, data, data.validation()), data))));
        } else if (data.folds() == 0) {
            Dataset<Row>[] parts = train.randomSplit(new double[] {1 - data.split(), data.split()}, SEED);
            folds.add(new Fold(cache(parts[0]), cache(parts[1])));
        } else {
            Dataset<Row> numbered = train.withColumn("sparktune_fold", functions.floor(functions.rand(SEED + 1).multiply(data.folds())));
            for (int k = 0; k < data.folds(); k++) {
                Column held = numbered.col("sparktune_fold").equalTo(k);
                folds.add(new Fold(cache(numbered.filter(functions.not(held)).drop("sparktune_fold")),
                        cache(numbered.filter(held).drop("sparktune_fold"))));
            }
        }
        String features = data.features().size() == 1 && isVector(train, data.features().get(0)) ? data.features().get(0) : FEATURES;
        return new SharedData(UUID.randomUUID().toString(), List.copyOf(folds), data.label(), features);
    }

    private static Dataset<Row> read(SparkSession spark, MlData data, String path) {
        return switch (data.format()) {
            case PARQUET -> spark.read().parquet(path);
            case CSV -> spark.read().option("header", "true").option("inferSchema", "true").csv(path);
            case LIBSVM -> spark.read().format("libsvm").load(path);
            case TABLE -> spark.table(path);
        };
    }

    /** The label as a double, one features vector (assembled from numeric columns when need be), and the random column. */
    private static Dataset<Row> prepare(Dataset<Row> table, MlData data) throws IOException {
        String where = data.train();
        StructField label = field(table, data.label(), where);
        if (!(label.dataType() instanceof NumericType)) {
            throw new IOException(where + ": label column '" + data.label() + "' is " + label.dataType().simpleString() + ", not numeric");
        }
        Column features;
        if (data.features().size() == 1 && isVector(table, data.features().get(0))) {
            features = table.col(data.features().get(0));
        } else {
            for (String column : data.features()) {
                DataType type = field(table, column, where).dataType();
                if (!(type instanceof NumericType)) {
                    throw new IOException(where + ": feature column '" + column + "' is " + type.simpleString() + ", not numeric or a vector");
                }
            }
            Dataset<Row> assembled = new VectorAssembler().setInputCols(data.features().toArray(new String[0]))
                    .setOutputCol(FEATURES).setHandleInvalid("error").transform(table);
            table = assembled;
            features = assembled.col(FEATURES);
        }
        return table.select(table.col(data.label()).cast("double").as(data.label()), features,
                functions.rand(SEED + 2).as(UNIFORM));
    }

    private static boolean isVector(Dataset<Row> table, String column) {
        return Arrays.asList(table.columns()).contains(column) && table.schema().apply(column).dataType().sameType(SQLDataTypes.VectorType());
    }

    private static StructField field(Dataset<Row> table, String column, String where) throws IOException {
        if (!Arrays.asList(table.columns()).contains(column)) {
            throw new IOException(where + ": no column '" + column + "' (columns: " + String.join(", ", table.columns()) + ")");
        }
        return table.schema().apply(column);
    }

    private static Dataset<Row> cache(Dataset<Row> rows) {
        return rows.persist(StorageLevel.MEMORY_AND_DISK());
    }
}
