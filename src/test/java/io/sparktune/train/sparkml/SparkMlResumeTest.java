package io.sparktune.train.sparkml;

import io.sparktune.testing.ChildTune;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -9 of a driver running sparkml trials, then the same command again: every trial has one result. */
@Tag("slow")
class SparkMlResumeTest {
    private static final int TRIALS = 8;
    @TempDir
    Path tmp;

    @Test
    void aKilledDriverOfSparkMlTrialsResumesWithNoTrialLostOrRunTwice() throws Exception {
        String train = MlTables.parquet(TestSpark.session(), tmp, 400);
        Path space = Spaces.write(tmp, "forest", "{\"metric\": \"accuracy\", \"mode\": \"max\", \"params\": {\"maxDepth\": \"[1, 2, 3, 4, 5, 6, 7, 8]\", \"numTrees\": [10]},"
                + " \"trainable\": {\"type\": \"sparkml\", \"estimator\": \"org.apache.spark.ml.classification.RandomForestClassifier\","
                + " \"data\": {\"train\": \"" + train + "\", \"features\": [\"a\", \"b\"]},"
                + " \"evaluator\": {\"type\": \"MulticlassClassificationEvaluator\", \"metricName\": \"accuracy\"}},"
                + " \"searcher\": {\"type\": \"grid\"}, \"budget\": {\"parallelism\": 2, \"trialsPerTask\": 1}}");
        String out = tmp.resolve("sweep").toString();
        String[] args = {"run", "--space", space.toString(), "--out", out, "--master", "local[2]"};

        Process killed = ChildTune.start(tmp.resolve("killed.log"), args);
        long deadline = System.currentTimeMillis() + 120_000;
        while (results(out) < 2 && killed.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(killed.isAlive(), "the driver should still be running: " + Files.readString(tmp.resolve("killed.log")));
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        SweepFiles before = new SweepFiles(out);
        assertTrue(before.results().size() < TRIALS, "killed mid-sweep: " + before.results().size() + " results");

        Process resumed = ChildTune.start(tmp.resolve("resumed.log"), args);
        assertTrue(resumed.waitFor(180, TimeUnit.SECONDS), "the resumed run finishes");
        String log = Files.readString(tmp.resolve("resumed.log"));
        assertEquals(0, resumed.exitValue(), log);
        assertTrue(log.contains("resuming: "), log);
        Map<Integer, Integer> perTrial = new SweepFiles(out).resultsPerTrial();
        assertEquals(TRIALS, perTrial.size(), "every trial has a result: " + perTrial);
        assertTrue(perTrial.values().stream().allMatch(n -> n == 1), "one result per trial: " + perTrial);
        for (var result : before.results()) {
            assertEquals(before.startsPerTrial().get(result.id()), new SweepFiles(out).startsPerTrial().get(result.id()),
                    "trial " + result.id() + " had finished before the kill and never started again");
        }
    }

    private static int results(String out) {
        try {
            return new SweepFiles(out).results().size();
        } catch (Exception e) {
            return 0;
        }
    }
}
