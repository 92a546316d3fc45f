package io.sparktune.cluster;

import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.store.JournalTrials;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps on a real standalone cluster (a Master and 2 Workers in their own JVMs) with the sweep
 * directory on a MiniDFSCluster of 2 DataNodes, tune.jar submitted as the application jar; faults
 * are real kill -9s and a stopped DataNode.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {
    @TempDir
    static Path tmp;
    private static SparkOnHdfs cluster;
    private static final List<String> HDFS_CONF = List.of(
            "spark.hadoop.dfs.replication=2",
            // With two DataNodes there is no spare to swap into a broken write pipeline.
            "spark.hadoop.dfs.client.block.write.replace-datanode-on-failure.policy=NEVER");

    @BeforeAll
    static void start() throws Exception {
        Configuration conf = new Configuration();
        conf.setInt("dfs.replication", 2);
        conf.set("dfs.client.block.write.replace-datanode-on-failure.policy", "NEVER");
        cluster = new SparkOnHdfs(tmp, conf, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String out(String name) {
        return cluster.uri("/sweeps/" + name);
    }

    private static Path space(String name, int trials, int steps, double stepSeconds) {
        return Spaces.write(tmp, name, "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\", \"steps\": " + steps
                + ", \"stepSeconds\": " + stepSeconds + ", \"checkpoint\": true},"
                + " \"searcher\": {\"type\": \"sobol\", \"seed\": 5}, \"budget\": {\"maxTrials\": " + trials + "}}");
    }

    private static Process submit(String name, Path space) throws Exception {
        return cluster.spark.submit(tmp.resolve(name + ".log"), HDFS_CONF, "run", "--space", space.toString(), "--out", out(name));
    }

    private static void awaitExit(Process driver, String name) throws Exception {
        assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "the sweep finishes: " + log(name));
        assertEquals(0, driver.exitValue(), log(name));
    }

    private static String log(String name) throws Exception {
        return Files.readString(tmp.resolve(name + ".log"));
    }

    private static void await(BooleanSupplier condition, Process driver, String name) throws Exception {
        SweepWatch.await(condition, driver, () -> log(name));
    }

    private static int stepsReported(String name, int trial) {
        return SweepWatch.stepsReported(out(name), cluster.conf, trial);
    }

    private static void assertEveryTrialOnce(SweepFiles files, int trials) {
        SweepWatch.assertEveryTrialCompletedOnce(files, trials);
    }

    @Test
    @Order(0)
    void aDriverStartedWithoutSparkSubmitShipsTuneJarAndAClassLoadingFailureUsesUpNoTrial() throws Exception {
        Path space = space("ship", 4, 2, 0.1);
        String[] run = {"run", "--space", space.toString(), "--out", out("ship")};
        // spark.jars set to a jar without SparkTune in it: the executors cannot load a trial, as on a cluster that was never sent tune.jar.
        Path unrelated = tmp.resolve("unrelated.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(unrelated))) {
            jar.putNextEntry(new JarEntry("README"));
        }
        Process withoutTune = cluster.spark.tune(tmp.resolve("ship-1.log"), List.of("spark.jars=" + unrelated), run);
        assertTrue(withoutTune.waitFor(300, TimeUnit.SECONDS), "the run stops: " + log("ship-1"));
        assertEquals(1, withoutTune.exitValue(), log("ship-1"));
        assertTrue(log("ship-1").contains("tune: executors cannot load the classes the trials need (java.lang.ClassNotFoundException: io.sparktune."),
                log("ship-1"));
        SweepFiles lost = new SweepFiles(out("ship"), cluster.conf);
        assertTrue(lost.results().isEmpty(), "no trial was used up: " + lost.results());
        assertFalse(lost.startsPerTrial().isEmpty(), "the trials it launched stay started, to run next time");

        Process shipped = cluster.spark.tune(tmp.resolve("ship-2.log"), List.of(), run);
        assertTrue(shipped.waitFor(300, TimeUnit.SECONDS), "the rerun finishes: " + log("ship-2"));
        assertEquals(0, shipped.exitValue(), log("ship-2"));
        assertEveryTrialOnce(new SweepFiles(out("ship"), cluster.conf), 4);
    }

    @Test
    @Order(1)
    void aKilledExecutorsTrialIsRetriedAndResumesFromItsCheckpoint() throws Exception {
        Process driver = submit("executor", space("executor", 4, 8, 0.5));
        await(() -> stepsReported("executor", 0) >= 3 && stepsReported("executor", 1) >= 3, driver, "executor");
        long killedAt = System.currentTimeMillis();
        List<ProcessHandle> executors = cluster.spark.executors();
        assertEquals(2, executors.size(), "one executor per worker");
        executors.get(0).destroyForcibly();
        awaitExit(driver, "executor");

        SweepFiles files = new SweepFiles(out("executor"), cluster.conf);
        assertEveryTrialOnce(files, 4);
        List<TrialResult> retried = files.results().stream().filter(r -> r.attempt() > 1).toList();
        assertEquals(1, retried.size(), "exactly the killed executor's trial ran twice: " + files.results());
        int id = retried.get(0).id();
        List<ProgressLog.Step> steps = ProgressLog.read(SweepDirectory.at(out("executor"), cluster.conf), id);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), steps.stream().map(ProgressLog.Step::step).toList(),
                "each step once: the retry went on from the checkpoint");
        assertTrue(steps.get(0).timeMillis() < killedAt, "step 1 is the first attempt's: the retry did not start over");
    }

    @Test
    @Order(2)
    void aStoppedDataNodeLosesNothing() throws Exception {
        Process driver = submit("datanode", space("datanode", 6, 4, 0.3));
        await(() -> stepsReported("datanode", 0) >= 2, driver, "datanode");
        MiniDFSCluster.DataNodeProperties stopped = cluster.hdfs.stopDataNode(1);
        awaitExit(driver, "datanode");
        assertEveryTrialOnce(new SweepFiles(out("datanode"), cluster.conf), 6);
        cluster.hdfs.restartDataNode(stopped, true);
        cluster.hdfs.waitActive();
    }

    @Test
    @Order(3)
    void aKilledWorkerLeavesTheSweepToTheOther() throws Exception {
        Process driver = submit("worker", space("worker", 6, 4, 0.3));
        await(() -> stepsReported("worker", 0) >= 2, driver, "worker");
        Process worker = cluster.spark.workers().get(1);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
        awaitExit(driver, "worker");
        assertEveryTrialOnce(new SweepFiles(out("worker"), cluster.conf), 6);
    }

    @Test
    @Order(4)
    void failedTrialsRetriedOnTheClusterRunAgainAsTheirNextAttempt() throws Exception {
        Path marker = Files.createFile(tmp.resolve("fail-while-here"));
        // A command trial that fails for negative x while the marker exists, as a trial does until its cause is fixed.
        Path space = Spaces.write(tmp, "retry", """
                {"params": {"x": "[-2,-1,1,2]", "marker": "%s"},
                 "trainable": {"type": "command", "argv": ["python3", "-c",
                   "import os,sys; x=float(sys.argv[1]); sys.exit('marked') if x < 0 and os.path.exists(sys.argv[2]) else print('loss: %%s' %% x)",
                   "${x}", "${marker}"]},
                 "searcher": "grid"}""".formatted(marker));
        List<String> run = List.of("run", "--space", space.toString(), "--out", out("retry"));
        Process first = cluster.spark.tune(tmp.resolve("retry-1.log"), List.of(), run.toArray(new String[0]));
        assertTrue(first.waitFor(300, TimeUnit.SECONDS), "the sweep finishes: " + log("retry-1"));
        assertEquals(0, first.exitValue(), log("retry-1"));
        assertEquals(Map.of(-2.0, TrialStatus.FAILED, -1.0, TrialStatus.FAILED, 1.0, TrialStatus.COMPLETED, 2.0, TrialStatus.COMPLETED),
                statusByX(), "negative x failed while the marker was there");

        Files.delete(marker);
        List<String> retry = new ArrayList<>(run);
        retry.add("--retry-failed");
        Process again = cluster.spark.tune(tmp.resolve("retry-2.log"), List.of(), retry.toArray(new String[0]));
        assertTrue(again.waitFor(300, TimeUnit.SECONDS), "the retry finishes: " + log("retry-2"));
        assertEquals(0, again.exitValue(), log("retry-2"));
        assertEquals(Map.of(-2.0, TrialStatus.COMPLETED, -1.0, TrialStatus.COMPLETED, 1.0, TrialStatus.COMPLETED, 2.0, TrialStatus.COMPLETED),
                statusByX(), "the failed trials ran again and their new results count");
        List<TrialResult> results = new ArrayList<>();
        JournalTrials.read(SweepDirectory.at(out("retry"), cluster.conf), results::add);
        results.forEach(r -> assertEquals(r.config().getDouble("x") < 0 ? 2 : 1, r.attempt(), "attempt of " + r));
    }

    /** Each trial's status by its x, under the journal's one rule (a retried trial's new result). */
    private static Map<Double, TrialStatus> statusByX() throws Exception {
        Map<Double, TrialStatus> byX = new TreeMap<>();
        JournalTrials.read(SweepDirectory.at(out("retry"), cluster.conf), r -> byX.put(r.config().getDouble("x"), r.status()));
        return byX;
    }
}
