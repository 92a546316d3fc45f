package io.sparktune.cluster;

import io.sparktune.core.TrialStatus;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.SweepFiles;
import org.apache.hadoop.conf.Configuration;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the cluster ITs wait for, and check, in a sweep directory while a submitted driver runs. */
final class SweepWatch {
    private SweepWatch() {
    }

    /** Waits up to 3 minutes for {@code condition}, failing with the driver's log if the driver ends first. */
    static void await(BooleanSupplier condition, Process driver, Callable<String> log) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (!condition.getAsBoolean()) {
            assertTrue(driver.isAlive(), "driver ended early: " + log.call());
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting: " + log.call());
            Thread.sleep(100);
        }
    }

    /** Steps that {@code trial} has reported so far; 0 before its progress log exists. */
    static int stepsReported(String out, Configuration conf, int trial) {
        try {
            return ProgressLog.read(SweepDirectory.at(out, conf), trial).size();
        } catch (Exception notYet) {
            return 0;
        }
    }

    static void assertEveryTrialCompletedOnce(SweepFiles files, int trials) {
        Map<Integer, Integer> perTrial = files.resultsPerTrial();
        assertEquals(trials, perTrial.size(), "every trial recorded: " + perTrial);
        perTrial.forEach((id, n) -> assertEquals(1, n, "trial " + id + " recorded once"));
        files.results().forEach(r -> assertEquals(TrialStatus.COMPLETED, r.status(), r.toString()));
    }
}
