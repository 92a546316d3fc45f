package io.sparktune.train.sparkml;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** asha stops sparkml trials on the fraction of training data, or of the trees, they fit with. */
class SparkMlEarlyStopTest {
    @TempDir
    Path tmp;

    /**
     * The grid runs three forests of depth 4, then three single leaves; at parallelism 1 each leaf
     * meets the forests' records at rung 1 and ranks outside the top third.
     */
    private String sweep(String fidelityParam) throws Exception {
        String train = MlTables.parquet(TestSpark.session(), tmp, 400);
        String out = tmp.resolve("sweep").toString();
        String json = "{\"metric\": \"accuracy\", \"mode\": \"max\", \"params\": {\"maxDepth\": [4, 0], \"subsamplingRate\": [1.0, 0.9, 0.8], \"numTrees\": [9]},"
                + " \"trainable\": {\"type\": \"sparkml\", \"estimator\": \"org.apache.spark.ml.classification.RandomForestClassifier\","
                + " \"data\": {\"train\": \"" + train + "\", \"features\": [\"a\", \"b\"]}, \"fidelity\": [1, 3, 9], \"fidelityParam\": \"" + fidelityParam + "\","
                + " \"evaluator\": {\"type\": \"MulticlassClassificationEvaluator\", \"metricName\": \"accuracy\"}},"
                + " \"searcher\": {\"type\": \"grid\"}, \"scheduler\": {\"type\": \"asha\", \"maxSteps\": 9, \"gracePeriod\": 1, \"reductionFactor\": 3},"
                + " \"budget\": {\"parallelism\": 1}}";
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SparkTune.run(SpecParser.parse("asha.json", json, "asha", new Overrides()),
                new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(console, true), 500));
        List<TrialResult> results = new SweepFiles(out).results();
        assertEquals(6, results.size(), console.toString());
        return out;
    }

    private static void assertLeavesStoppedAtTheFirstRung(String out) throws Exception {
        TrialResult first = new SweepFiles(out).result(0);
        assertEquals(TrialStatus.COMPLETED, first.status(), first.error());
        assertEquals(9, first.steps(), "the first trial fits at steps 1, 3 and 9");
        for (int id = 3; id < 6; id++) {
            TrialResult leaf = new SweepFiles(out).result(id);
            assertEquals(TrialStatus.STOPPED, leaf.status(), "trial " + id + " (one leaf)");
            assertEquals(1, leaf.steps(), "trial " + id + " stopped after its first rung");
        }
    }

    @Test
    void ashaStopsWeakTrialsAtTheFirstDataFractionAndLetsTheBestFitOnAllRows() throws Exception {
        assertLeavesStoppedAtTheFirstRung(sweep("rows"));
    }

    @Test
    void ashaOnAForestsTreesStopsWeakTrialsAfterAFewTreesAndACompletedTrialKeepsAllOfThem() throws Exception {
        String out = sweep("auto");
        assertLeavesStoppedAtTheFirstRung(out);
        RandomForestClassificationModel first = RandomForestClassificationModel.load(out + "/trials/0/model");
        assertEquals(9, first.getNumTrees(), "the completed trial's last rung fits the trial's own 9 trees");
    }
}
