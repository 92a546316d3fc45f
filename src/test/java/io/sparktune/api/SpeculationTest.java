package io.sparktune.api;

import io.sparktune.core.Config;
import io.sparktune.core.InvalidInputException;
import io.sparktune.testing.ChildTune;
import io.sparktune.testing.SweepFiles;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrialContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark's speculation would run two copies of a trial at once, both writing its files. Each case runs
 * in its own JVM, since a JVM holds one SparkContext.
 */
class SpeculationTest {
    private static final String SPACE = "{\"params\": {\"x\": [1]}, \"trainable\": {\"type\": \"class\", \"class\": \""
            + SeesSpeculation.class.getName() + "\"}}";

    @TempDir
    Path tmp;

    @Test
    void aSessionThatSparkTuneStartsRunsWithoutSpeculationWhateverTheDefaults() throws Exception {
        Path space = Files.writeString(tmp.resolve("space.json"), SPACE);
        String out = tmp.resolve("sweep").toString();
        Path log = tmp.resolve("tune.log");
        Process tune = ChildTune.start(log, List.of("-Dspark.speculation=true"), Map.of(),
                "run", "--space", space.toString(), "--out", out, "--master", "local[1]");
        assertTrue(tune.waitFor(2, TimeUnit.MINUTES), "the sweep did not end in time");
        assertEquals(0, tune.exitValue(), Files.readString(log));
        assertEquals(0.0, new SweepFiles(out).result(0).metrics().get("loss"), "the trial's executor had speculation on");
    }

    @Test
    void aSweepOnAUsersSessionWithSpeculationIsRefusedInOneLine() throws Exception {
        Path log = tmp.resolve("notebook.log");
        Process notebook = ChildTune.java(log, List.of(), Map.of(), SpeculativeSession.class.getName(),
                tmp.resolve("sweep").toString());
        assertTrue(notebook.waitFor(2, TimeUnit.MINUTES), "the sweep did not end in time");
        String output = Files.readString(log);
        assertTrue(output.contains("refused: spark.speculation: true: would run two copies of a trial at once"), output);
        assertTrue(Files.notExists(tmp.resolve("sweep/trials")), "a trial ran: " + output);
    }

    /** loss 1 when the executor it runs on has speculation on, else 0. */
    public static final class SeesSpeculation implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) {
            return Map.of("loss", SparkEnv.get().conf().getBoolean("spark.speculation", false) ? 1.0 : 0.0);
        }
    }

    /** A user's program (a notebook, say) whose own session has speculation on, running a sweep on it. */
    public static final class SpeculativeSession {
        public static void main(String[] args) throws Exception {
            SparkSession spark = SparkSession.builder().master("local[1]").appName("speculative")
                    .config("spark.ui.enabled", "false").config("spark.speculation", "true").getOrCreate();
            try {
                SparkTune.sweep(spark).spaceJson(SPACE, "speculative").out(args[0]).run();
                System.out.println("ran");
            } catch (InvalidInputException e) {
                System.out.println("refused: " + e.getMessage());
            } finally {
                spark.stop();
            }
        }
    }
}
