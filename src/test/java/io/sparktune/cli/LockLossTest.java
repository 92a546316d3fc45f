package io.sparktune.cli;

import io.sparktune.api.ExitCode;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.TestSpark;
import io.sparktune.testing.TestTrainables;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run whose lock another run takes over mid-sweep stops at once, says so in one line, and leaves nothing running. */
class LockLossTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    @Test
    void aRunThatLosesItsLockExitsFourAndCancelsItsTrials() throws Exception {
        Path space = Spaces.write(tmp, "space", "{\"params\": {\"sleep\": 60, \"x\": \"[1,2]\"}, \"trainable\": "
                + Spaces.classTrainable(TestTrainables.Sleeps.class) + ", \"budget\": {\"parallelism\": 2}}");
        Path out = tmp.resolve("sweep");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.tune("run", "--space", space.toString(),
                "--out", out.toString(), "--lock-stale", "2s"));
        SparkContext sc = TestSpark.session().sparkContext();
        long deadline = System.currentTimeMillis() + 60_000;
        while (sc.statusTracker().getActiveJobIds().length == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(sc.statusTracker().getActiveJobIds().length > 0, "the sweep's trials started");

        Files.writeString(out.resolve("lock"), "{\"owner\":\"elsewhere:1\",\"host\":\"elsewhere\",\"pid\":1,\"run\":\"intruder\","
                + "\"heartbeat\":" + System.currentTimeMillis() + "}");
        CliRun stopped = run.get(30, TimeUnit.SECONDS);
        assertEquals(ExitCode.LOCKED.code(), stopped.exit(), stopped.err());
        assertEquals(1, stopped.err().strip().lines().count(), "one line, no stack trace: " + stopped.err());
        assertTrue(stopped.errLine().startsWith("another run took the lock of file:" + out), stopped.err());

        long cancelBy = System.currentTimeMillis() + 15_000;
        while (sc.statusTracker().getActiveJobIds().length > 0 && System.currentTimeMillis() < cancelBy) {
            Thread.sleep(50);
        }
        assertEquals(0, sc.statusTracker().getActiveJobIds().length, "the 60 s trials were cancelled, not left writing");
        assertTrue(Files.readString(out.resolve("lock")).contains("intruder"), "the other run's lock is left as it is");
    }
}
