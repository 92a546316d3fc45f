package io.sparktune.report;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

/**
 * How much each parameter explains the objective: Spark MLlib's random forest fitted on the trial
 * table (parameters as features, the objective as label), and its feature importances. Text
 * parameters become categorical features; list-valued parameters are left out.
 */
public final class ParameterImportance {
    /** Fewer trials than this say nothing about importance. */
    static final int MIN_TRIALS = 8;
    /**
     * The forest ranks parameters as well from a sample as from 100,000 trials, in a fraction of the
     * time: fitting is most of a large report's cost.
     */
    static final int MAX_ROWS = 5_000;
    /** Below every real value, so that a tree can split absent (conditional) parameters off. */
    private static final double ABSENT = -1e300;

    /** One parameter's share of the forest's importance; the shares sum to 1. */
    public record Share(String param, double importance) {
    }

    private ParameterImportance() {
    }

    /**
     * @param trials rows with a finite objective in {@code label}
     * @return shares, largest first; empty when there are too few trials or no usable parameter
     */
    public static List<Share> fit(Dataset<Row> trials, List<String> params, String label) {
        long count = trials.count();
        if (count < MIN_TRIALS) {
            return List.of();
        }
        // At most a few thousand rows: one cached partition, so the forest's many passes are one small task each.
        Dataset<Row> rows = (count > MAX_ROWS ? trials.sample(false, (double) MAX_ROWS / count, 1L) : trials).coalesce(1).cache();
        try {
            return forest(rows, params, label);
        } finally {
            rows.unpersist();
        }
    }

    private static List<Share> forest(Dataset<Row> rows, List<String> params, String label) {
        List<String> features = new ArrayList<>();
        List<String> used = new ArrayList<>();
        List<PipelineStage> stages = new ArrayList<>();
        List<Column> columns = new ArrayList<>(List.of(col("`" + label + "`").cast("double").as("label")));
        int maxCategories = 2;
        for (String param : params) {
            DataType type = rows.schema().apply(param).dataType();
            Column value = col("`" + param + "`");
            String feature = "f" + used.size();
            if (type instanceof NumericType || type instanceof BooleanType) {
                columns.add(coalesce(value.cast("double"), lit(ABSENT)).as(feature));
            } else if (type instanceof StringType) {
                columns.add(coalesce(value, lit("")).as(feature + "_text"));
                stages.add(new StringIndexer().setInputCol(feature + "_text").setOutputCol(feature));
                maxCategories = Math.max(maxCategories, (int) rows.agg(countDistinct(value)).first().getLong(0) + 1);
            } else {
                continue;
            }
            features.add(feature);
            used.add(param);
        }
        if (used.isEmpty()) {
            return List.of();
        }
        stages.add(new VectorAssembler().setInputCols(features.toArray(new String[0])).setOutputCol("features"));
        RandomForestRegressor forest = new RandomForestRegressor().setLabelCol("label").setFeaturesCol("features")
                .setNumTrees(30).setMaxDepth(5).setMaxBins(Math.max(32, maxCategories)).setSeed(1L);
        stages.add(forest);
        PipelineModel model = new Pipeline().setStages(stages.toArray(new PipelineStage[0]))
                .fit(rows.select(columns.toArray(new Column[0])));
        Vector importances = ((RandomForestRegressionModel) model.stages()[stages.size() - 1]).featureImportances();
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            shares.add(new Share(used.get(i), importances.apply(i)));
        }
        shares.sort(Comparator.comparingDouble(Share::importance).reversed().thenComparing(Share::param));
        return shares;
    }
}
