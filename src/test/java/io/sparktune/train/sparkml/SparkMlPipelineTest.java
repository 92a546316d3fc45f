package io.sparktune.train.sparkml;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A saved, unfitted Pipeline (assembler, scaler, logistic regression) as a sparkml trainable on a real
 * local[2] Spark: its stages' params named by uid or index, checked against the real stages.
 */
class SparkMlPipelineTest {
    @TempDir
    static Path data;
    private static String train;
    private static String pipeline;
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    static void saved() throws Exception {
        train = MlTables.parquet(TestSpark.session(), data, 400);
        pipeline = data.resolve("pipeline").toString();
        new Pipeline().setStages(new PipelineStage[]{
                new VectorAssembler().setInputCols(new String[]{"a", "b"}).setOutputCol("raw"),
                new StandardScaler("scaler").setInputCol("raw").setOutputCol("scaled"),
                new LogisticRegression().setFeaturesCol("scaled").setMaxIter(20)}).write().save(pipeline);
    }

    private static SweepSpec spec(String params) {
        return spec(pipeline, params);
    }

    private static SweepSpec spec(String pipeline, String params) {
        return SpecParser.parse("p.json", "{\"metric\": \"accuracy\", \"mode\": \"max\", \"params\": " + params + ","
                + " \"trainable\": {\"type\": \"sparkml\", \"pipeline\": \"" + pipeline + "\","
                + " \"data\": {\"train\": \"" + train + "\", \"features\": [\"a\", \"b\"]},"
                + " \"evaluator\": {\"type\": \"MulticlassClassificationEvaluator\", \"metricName\": \"accuracy\"}},"
                + " \"searcher\": {\"type\": \"grid\"}, \"budget\": {\"parallelism\": 2}}", "p", new Overrides());
    }

    @Test
    void aSavedPipelineIsTunedByItsStagesParamsAndTheBestPipelineModelLoads() throws Exception {
        String out = tmp.resolve("sweep").toString();
        SparkTune.run(spec("{\"stage2.regParam\": [0.0, 0.5], \"scaler.withMean\": [true, false]}"),
                new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(console, true), 500));
        List<TrialResult> results = new SweepFiles(out).results();
        assertEquals(4, results.size(), console.toString());
        results.forEach(r -> assertEquals(TrialStatus.COMPLETED, r.status(), r.error()));

        TrialResult best = results.stream().max(Comparator.comparingDouble(r -> r.metrics().get("accuracy"))).orElseThrow();
        PipelineModel model = PipelineModel.load(out + "/best/model");
        assertEquals(3, model.stages().length);
        assertEquals(((Number) best.config().get("stage2.regParam")).doubleValue(), ((LogisticRegressionModel) model.stages()[2]).getRegParam());
        assertEquals(best.config().get("scaler.withMean"), ((StandardScalerModel) model.stages()[1]).getWithMean());
    }

    @Test
    void aParamNoStageHasIsRefusedWithTheStagesKnownParams() {
        String message = assertThrows(InvalidInputException.class, () -> spec("{\"stage2.regParm\": [0.1]}")).getMessage();
        assertEquals(true, message.startsWith("p.json: params.stage2.regParm: the pipeline has no param 'stage2.regParm' (known: "), message);
        assertEquals(true, message.contains("scaler.withMean") && message.contains(".regParam"), message);
    }

    @Test
    void aStageParamsValueOfTheWrongTypeIsRefused() {
        String message = assertThrows(InvalidInputException.class, () -> spec("{\"scaler.withMean\": [1]}")).getMessage();
        assertEquals("p.json: params.scaler.withMean: scaler.withMean is a boolean param: expected true or false, got 1", message);
    }

    @Test
    void aPathWithNoSavedPipelineIsRefusedNamingIt() {
        String nowhere = data.resolve("nothing-here").toString();
        String message = assertThrows(InvalidInputException.class, () -> spec(nowhere, "{\"stage2.regParam\": [0.1]}")).getMessage();
        assertEquals(true, message.startsWith("p.json: trainable.pipeline: cannot read a saved Pipeline at " + nowhere), message);
    }
}
