package io.sparktune.train.sparkml;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.TrialResult;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The sparkml trainable's columns on local[2]: folds from a column of the data ({@code "validation":
 * {"folds": 3, "foldCol": "fold"}}), and the data path, the label and the features checked against what is read.
 */
class SparkMlFoldColumnTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** A table with the column {@code name} made by {@code values}, written as Parquet; its path. */
    private String table(String name, Column values) {
        String path = tmp.resolve("train.parquet").toString();
        MlTables.binary(TestSpark.session(), 300, 11).withColumn(name, values).coalesce(2).write().parquet(path);
        return path;
    }

    private void run(String train) throws Exception {
        run(train, "{\"folds\": 3, \"foldCol\": \"fold\"}");
    }

    /** @param validation the data's {@code validation} as JSON */
    private void run(String train, String validation) throws Exception {
        String json = "{\"metric\": \"areaUnderROC\", \"mode\": \"max\", \"params\": {\"regParam\": [0.01]}, \"trainable\": {\"type\": \"sparkml\", "
                + "\"estimator\": \"org.apache.spark.ml.classification.LogisticRegression\", \"data\": {\"train\": \"" + train + "\", "
                + "\"validation\": " + validation + ", \"features\": [\"a\", \"b\"]}, "
                + "\"evaluator\": {\"type\": \"BinaryClassificationEvaluator\"}}, \"searcher\": {\"type\": \"grid\"}, \"budget\": {\"parallelism\": 2}}";
        SweepSpec spec = SpecParser.parse("test.json", json, "test", new Overrides());
        SparkTune.run(spec, new RunOptions(tmp.resolve("sweep").toString(), null, Duration.ofSeconds(60), new PrintStream(console, true), 500));
    }

    private String refusal(String name, Column values) {
        String train = table(name, values);
        return assertThrows(InvalidInputException.class, () -> run(train)).getMessage().replace(train, "DATA");
    }

    @Test
    void aFoldColumnSetsTheFoldsAsCrossValidatorsFoldColDoes() throws Exception {
        String train = table("fold", functions.pmod(functions.monotonically_increasing_id(), functions.lit(3)).cast("int"));
        run(train);
        TrialResult trial = new SweepFiles(tmp.resolve("sweep").toString()).result(0);
        Dataset<Row> rows = new VectorAssembler().setInputCols(new String[] {"a", "b"}).setOutputCol("features")
                .transform(TestSpark.session().read().parquet(train));
        LogisticRegression lr = new LogisticRegression();
        CrossValidatorModel grid = new CrossValidator().setEstimator(lr).setEvaluator(new BinaryClassificationEvaluator())
                .setEstimatorParamMaps(new ParamGridBuilder().addGrid(lr.regParam(), new double[] {0.01}).build())
                .setNumFolds(3).setFoldCol("fold").fit(rows);
        assertEquals(grid.avgMetrics()[0], trial.metrics().get("areaUnderROC"), 1e-9, console.toString());
    }

    /** A table with three good folds, changed by {@code change}, written as Parquet; its path. */
    private String foldedTable(java.util.function.UnaryOperator<Dataset<Row>> change) {
        String path = tmp.resolve("changed.parquet").toString();
        change.apply(TestSpark.session().read().parquet(table("fold", functions.pmod(functions.monotonically_increasing_id(), functions.lit(3))
                .cast("int")))).write().parquet(path);
        return path;
    }

    @Test
    void aTrainingPathThatDoesNotExistIsRefusedNamingItAndTheKey() {
        String train = tmp.resolve("no-such.parquet").toString();
        assertEquals("DATA: trainable.data.train: [PATH_NOT_FOUND] Path does not exist: file:DATA.",
                assertThrows(InvalidInputException.class, () -> run(train)).getMessage().replace(train, "DATA"));
    }

    @Test
    void aMissingLabelColumnIsRefusedNamingTheDataAndTheKey() {
        String train = foldedTable(t -> t.withColumnRenamed("label", "y"));
        assertEquals("DATA: trainable.data.label: no column 'label' (columns: a, b, y, fold)",
                assertThrows(InvalidInputException.class, () -> run(train)).getMessage().replace(train, "DATA"));
    }

    @Test
    void aValidationTableWithoutTheLabelIsRefusedNamingTheValidationDataNotTheTraining() {
        String train = table("fold", functions.lit(0));
        String validation = tmp.resolve("validation.parquet").toString();
        TestSpark.session().read().parquet(train).withColumnRenamed("label", "y").write().parquet(validation);
        assertEquals("VALIDATION: trainable.data.label: no column 'label' (columns: a, b, y, fold)",
                assertThrows(InvalidInputException.class, () -> run(train, "\"" + validation + "\""))
                        .getMessage().replace(validation, "VALIDATION"));
    }

    @Test
    void aFeatureColumnOfTextIsRefusedNamingTheDataAndTheKey() {
        String train = foldedTable(t -> t.withColumn("b", functions.lit("text")));
        assertEquals("DATA: trainable.data.features: column 'b' is string, not numeric or a vector",
                assertThrows(InvalidInputException.class, () -> run(train)).getMessage().replace(train, "DATA"));
    }

    @Test
    void aMissingFoldColumnIsRefusedNamingTheDataAndTheKey() {
        assertEquals("DATA: trainable.data.validation.foldCol: no column 'fold' (columns: a, b, label, part)",
                refusal("part", functions.lit(0)));
    }

    @Test
    void aFoldColumnOfFractionsIsRefused() {
        assertEquals("DATA: trainable.data.validation.foldCol: column 'fold' is double: expected whole fold numbers 0 to 2",
                refusal("fold", functions.rand(1).multiply(3)));
    }

    @Test
    void foldNumbersBeyondTheFoldsAreRefused() {
        assertEquals("DATA: trainable.data.validation.foldCol: column 'fold' holds 0 to 3: expected fold numbers 0 to 2 for 3 folds",
                refusal("fold", functions.pmod(functions.monotonically_increasing_id(), functions.lit(4)).cast("int")));
    }

    @Test
    void aFoldWithNoRowsIsRefused() {
        assertEquals("DATA: trainable.data.validation.foldCol: column 'fold' marks rows of only 2 of the 3 folds 0 to 2: "
                + "each fold needs rows to validate on", refusal("fold", functions.pmod(functions.monotonically_increasing_id(), functions.lit(2)).cast("int")));
    }

    @Test
    void rowsWithoutAFoldNumberAreRefused() {
        assertEquals("DATA: trainable.data.validation.foldCol: column 'fold' has no fold number in 300 rows",
                refusal("fold", functions.lit(null).cast("int")));
    }
}
