package io.sparktune.train.sparkml;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepOutcome;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import io.sparktune.engine.TrialsLostException;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweeps of Spark ML estimators, trials on the driver of a real local[2] Spark, data in Parquet files. */
class SparkMlSweepTest {
    private static final String RF = "org.apache.spark.ml.classification.RandomForestClassifier";
    @TempDir
    static Path data;
    private static String train;
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    static void table() {
        train = MlTables.parquet(TestSpark.session(), data, 400);
    }

    private SweepOutcome run(String params, String extra, String out) throws Exception {
        return run(RF, params, extra, out);
    }

    private SweepOutcome run(String estimator, String params, String extra, String out) throws Exception {
        String json = "{\"metric\": \"accuracy\", \"mode\": \"max\", \"params\": " + params + ", \"trainable\": {\"type\": \"sparkml\", "
                + "\"estimator\": \"" + estimator + "\", \"data\": {\"train\": \"" + train + "\", \"features\": [\"a\", \"b\"]},"
                + " \"evaluator\": {\"type\": \"MulticlassClassificationEvaluator\", \"metricName\": \"accuracy\"}" + extra + "}, "
                + "\"searcher\": {\"type\": \"grid\"}, \"budget\": {\"parallelism\": 2}}";
        SweepSpec spec = SpecParser.parse("test.json", json, "test", new Overrides());
        return SparkTune.run(spec, new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(console, true), 500));
    }

    @Test
    void everyTrialFitsTheEstimatorWithItsParamsAndReportsTheEvaluatorsMetric() throws Exception {
        String out = tmp.resolve("sweep").toString();
        run("{\"maxDepth\": [1, 4], \"numTrees\": [5]}", "", out);
        List<TrialResult> results = new SweepFiles(out).results();
        assertEquals(2, results.size(), console.toString());
        for (TrialResult result : results) {
            assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
            double accuracy = result.metrics().get("accuracy");
            assertTrue(accuracy > 0.6 && accuracy <= 1, "accuracy of a forest on a linear boundary: " + accuracy);
            assertEquals(-accuracy, result.metrics().get("loss"), 1e-12);
        }
    }

    @Test
    void concurrentTrialsFitAtTheSameTime() throws Exception {
        String out = tmp.resolve("sweep").toString();
        run("{\"maxDepth\": [3, 4, 5, 6], \"numTrees\": [20]}", "", out);
        List<TrialResult> results = new SweepFiles(out).results();
        assertEquals(4, results.size(), console.toString());
        boolean overlap = false;
        for (TrialResult x : results) {
            for (TrialResult y : results) {
                overlap |= x.id() < y.id() && x.startMillis() < y.endMillis() && y.startMillis() < x.endMillis();
            }
        }
        assertTrue(overlap, "two trials ran at once at parallelism 2: " + results.stream()
                .map(r -> r.id() + ":" + r.startMillis() + "-" + r.endMillis()).toList());
    }

    @Test
    void aParamValueTheDataRefusesAtFitMakesThatTrialFailedWithItsMessage() throws Exception {
        String out = tmp.resolve("sweep").toString();
        // Gaussian naive Bayes takes the table's negative features; multinomial refuses them when it fits.
        SweepOutcome outcome = run("org.apache.spark.ml.classification.NaiveBayes",
                "{\"modelType\": [\"gaussian\", \"multinomial\"]}", "", out);
        SweepFiles files = new SweepFiles(out);
        assertEquals(TrialStatus.COMPLETED, files.result(0).status());
        TrialResult failed = files.result(1);
        assertEquals(TrialStatus.FAILED, failed.status());
        assertTrue(failed.error().startsWith("RuntimeException: Vector values MUST NOT be Negative, NaN or Infinity, but got ["), failed.error());
        assertEquals(io.sparktune.api.ExitCode.COMPLETE, outcome.exitCode(), console.toString());
    }

    @Test
    void aTrialWhoseJobTheClusterLosesStaysUnfinishedAndTheNextRunFitsIt() throws Exception {
        String out = tmp.resolve("sweep").toString();
        String params = "{\"maxDepth\": [2, 3], \"numTrees\": [5]}";
        SparkContext sc = TestSpark.session().sparkContext();
        AtomicBoolean lost = new AtomicBoolean();
        // A job cancelled from outside its trial, as the cluster's faults end one: not the params' doing.
        SparkListener fault = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                String group = start.properties().getProperty("spark.jobGroup.id");
                if (group != null && group.endsWith("-trial-1") && lost.compareAndSet(false, true)) {
                    sc.cancelJobGroup(group);
                }
            }
        };
        sc.addSparkListener(fault);
        try {
            TrialsLostException stopped = assertThrows(TrialsLostException.class, () -> run(params, "", out));
            assertTrue(stopped.getMessage().contains("cancelled"), stopped.getMessage());
        } finally {
            sc.removeSparkListener(fault);
        }
        assertTrue(new SweepFiles(out).results().stream().noneMatch(r -> r.id() == 1), "trial 1 has no result: " + new SweepFiles(out).results());

        run(params, "", out);
        List<TrialResult> results = new SweepFiles(out).results();
        assertEquals(2, results.size(), console.toString());
        results.forEach(r -> assertEquals(TrialStatus.COMPLETED, r.status(), r.error()));
    }

    @Test
    void theBestTrialsModelIsSavedUnderBestModelAndLoadsWithSparkMl() throws Exception {
        String out = tmp.resolve("sweep").toString();
        run("{\"maxDepth\": [1, 5], \"numTrees\": [7]}", "", out);
        RandomForestClassificationModel model = RandomForestClassificationModel.load(out + "/best/model");
        assertEquals(7, model.getNumTrees());
        TrialResult best = new SweepFiles(out).results().stream()
                .max(java.util.Comparator.comparingDouble(r -> r.metrics().get("accuracy"))).orElseThrow();
        assertEquals(((Number) best.config().get("maxDepth")).intValue(), model.getMaxDepth());
    }
}
