package io.sparktune.cluster;

import io.sparktune.core.TrialStatus;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps submitted to a real YARN cluster (MiniYARNCluster, 2 NodeManagers) through
 * {@code submit/yarn.sh}, tune.jar the application jar, the sweep directory on HDFS (2 DataNodes).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnSweepIT {
    @TempDir
    static java.nio.file.Path tmp;
    private static YarnCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new YarnCluster(tmp, "YarnSweepIT");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String out(String name) {
        return cluster.hdfs("/sweeps/" + name);
    }

    private static java.nio.file.Path branin(String name, int trials) {
        return Spaces.write(tmp, name, "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\", \"steps\": 3, \"stepSeconds\": 0.1},"
                + " \"searcher\": {\"type\": \"sobol\", \"seed\": 5}, \"budget\": {\"maxTrials\": " + trials + "}}");
    }

    private static String log(String name) throws Exception {
        return Files.readString(tmp.resolve(name + ".log"));
    }

    private static void awaitSuccess(Process submission, String name) throws Exception {
        assertTrue(submission.waitFor(240, TimeUnit.SECONDS), "the submission ends: " + log(name));
        assertEquals(0, submission.exitValue(), log(name));
    }

    private static void assertEveryTrialCompletedOnce(String name, int trials) throws Exception {
        SweepFiles files = new SweepFiles(out(name), cluster.conf());
        Map<Integer, Integer> perTrial = files.resultsPerTrial();
        assertEquals(trials, perTrial.size(), "every trial recorded: " + perTrial);
        perTrial.forEach((id, n) -> assertEquals(1, n, "trial " + id + " recorded once"));
        files.results().forEach(r -> assertEquals(TrialStatus.COMPLETED, r.status(), r.toString()));
    }

    private static boolean exists(String name, String file) throws Exception {
        SweepDirectory dir = SweepDirectory.at(out(name), cluster.conf());
        return dir.exists(dir.resolve(file));
    }

    @Test
    @Order(0)
    void aClientModeSweepLeavesItsResultsOnHdfs() throws Exception {
        awaitSuccess(cluster.submit(tmp.resolve("client.log"), "client", branin("client", 8), out("client")), "client");
        assertEveryTrialCompletedOnce("client", 8);
        assertTrue(exists("client", "best/best.json"), "best kept");
        assertTrue(exists("client", "trials.parquet"), "the table written");
    }

    @Test
    @Order(1)
    void aClusterModeSweepLeavesItsResultsOnHdfs() throws Exception {
        awaitSuccess(cluster.submit(tmp.resolve("cluster.log"), "cluster", branin("cluster", 8), out("cluster")), "cluster");
        assertEveryTrialCompletedOnce("cluster", 8);
        assertTrue(exists("cluster", "best/best.json"), "best kept");
        assertTrue(exists("cluster", "trials.parquet"), "the table written");
    }
}
