package io.sparktune.cluster;

import io.sparktune.cli.Main;
import io.sparktune.core.TrialResult;
import io.sparktune.store.ProgressLog;
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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        SweepWatch.assertEveryTrialCompletedOnce(new SweepFiles(out(name), cluster.conf()), trials);
    }

    /** Every trial once, the best and the table: what a finished sweep leaves. */
    private static void assertFinished(String name, int trials) throws Exception {
        assertEveryTrialCompletedOnce(name, trials);
        assertTrue(exists(name, "best/best.json"), "best kept");
        assertTrue(exists(name, "trials.parquet"), "the table written");
    }

    private static boolean exists(String name, String file) throws Exception {
        SweepDirectory dir = SweepDirectory.at(out(name), cluster.conf());
        return dir.exists(dir.resolve(file));
    }

    @Test
    @Order(0)
    void aClientModeSweepLeavesItsResultsOnHdfs() throws Exception {
        awaitSuccess(cluster.submit(tmp.resolve("client.log"), "client", branin("client", 8), out("client")), "client");
        assertFinished("client", 8);
    }

    @Test
    @Order(1)
    void aClusterModeSweepLeavesItsResultsOnHdfs() throws Exception {
        // A command trial, so that the next test has output tails to read back.
        java.nio.file.Path space = Spaces.write(tmp, "cluster", """
                {"params": {"x": "[1,2,3,4]"},
                 "trainable": {"type": "command", "argv": ["python3", "-c",
                   "import sys; print('loss: %s' % sys.argv[1]); print('warned about ' + sys.argv[1], file=sys.stderr)", "${x}"]},
                 "searcher": "grid"}""");
        awaitSuccess(cluster.submit(tmp.resolve("cluster.log"), "cluster", space, out("cluster")), "cluster");
        assertFinished("cluster", 4);
    }

    @Test
    @Order(2)
    void statusShowsAClusterModeTrialsOutputTailsFromTheSweepDirectory() throws Exception {
        // This JVM never saw the driver or the executors: all it has is the sweep directory's URI.
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int x3 = trialWhere("cluster", "x", 3.0);
        int code = Main.run(new String[] {"status", "--out", out("cluster"), "--trial", String.valueOf(x3)},
                new PrintStream(shown, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = shown.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("--- stdout.txt ---\nloss: 3\n"), text);
        assertTrue(text.contains("--- stderr.txt ---\nwarned about 3\n"), text);
    }

    @Test
    @Order(3)
    void aKilledExecutorContainersTrialsResumeFromTheirCheckpoints() throws Exception {
        Process driver = cluster.submit(tmp.resolve("executor.log"), "client", checkpointed("executor", 4, 8), out("executor"));
        await(() -> stepsReported("executor", 0) >= 3 && stepsReported("executor", 1) >= 3, driver, "executor");
        long killedAt = System.currentTimeMillis();
        List<ProcessHandle> executors = YarnCluster.containers(EXECUTOR);
        assertEquals(2, executors.size(), "one executor per NodeManager");
        executors.get(0).destroyForcibly();
        awaitSuccess(driver, "executor");

        assertEveryTrialCompletedOnce("executor", 4);
        List<TrialResult> retried = new SweepFiles(out("executor"), cluster.conf()).results().stream().filter(r -> r.attempt() > 1).toList();
        assertFalse(retried.isEmpty(), "the killed executor's trials ran again");
        for (TrialResult r : retried) {
            List<ProgressLog.Step> steps = ProgressLog.read(SweepDirectory.at(out("executor"), cluster.conf()), r.id());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), steps.stream().map(ProgressLog.Step::step).toList(),
                    "trial " + r.id() + " reported each step once: the retry went on from the checkpoint");
            assertTrue(steps.get(0).timeMillis() < killedAt, "trial " + r.id() + "'s step 1 is the first attempt's");
        }
    }

    @Test
    @Order(4)
    void aSecondSubmissionWhileTheFirstRunsExitsFour() throws Exception {
        // Long trials: the first run still holds the lock however slowly the second one starts.
        java.nio.file.Path space = checkpointed("twice", 2, 240);
        Process first = cluster.submit(tmp.resolve("twice-1.log"), "client", space, out("twice"));
        await(() -> stepsReported("twice", 0) >= 1, first, "twice-1");
        Process second = cluster.submit(tmp.resolve("twice-2.log"), "client", space, out("twice"));
        assertTrue(second.waitFor(120, TimeUnit.SECONDS), log("twice-2"));
        assertEquals(4, second.exitValue(), log("twice-2"));
        assertTrue(log("twice-2").contains("another run holds " + out("twice")), log("twice-2"));
        // Nothing more to see: the first run's driver goes, and YARN ends its application.
        first.destroyForcibly().waitFor();
    }

    @Test
    @Order(5)
    void aKilledApplicationMasterLosesNothingAndItsRerunRepeatsNothing() throws Exception {
        java.nio.file.Path space = checkpointed("am", 6, 6);
        Process killed = cluster.submit(tmp.resolve("am-1.log"), "cluster", space, out("am"));
        await(() -> results("am") >= 1 && stepsReported("am", 5) >= 1, killed, "am-1");
        List<ProcessHandle> masters = YarnCluster.containers("org.apache.spark.deploy.yarn.ApplicationMaster");
        assertEquals(1, masters.size(), "one driver");
        masters.get(0).destroyForcibly();
        assertTrue(killed.waitFor(120, TimeUnit.SECONDS), log("am-1"));
        assertNotEquals(0, killed.exitValue(), "the application failed: " + log("am-1"));
        Set<Integer> doneBefore = new SweepFiles(out("am"), cluster.conf()).resultsPerTrial().keySet();
        assertTrue(doneBefore.size() < 6, "trials were left to run: " + doneBefore);

        awaitSuccess(cluster.submit(tmp.resolve("am-2.log"), "cluster", space, out("am")), "am-2");
        assertEveryTrialCompletedOnce("am", 6);
        Map<Integer, Integer> starts = new SweepFiles(out("am"), cluster.conf()).startsPerTrial();
        doneBefore.forEach(id -> assertEquals(1, starts.get(id), "trial " + id + " finished before the kill and never started again"));
    }

    @Test
    @Order(6)
    void aTrialOfTwoCpusGetsTwoOfAnExecutorsCores() throws Exception {
        List<TrialResult> results = resourceSweep("cpus", "{\"cpus\": 2}", "threads", "OMP_NUM_THREADS", Map.of());
        results.forEach(r -> assertEquals(2.0, r.metrics().get("threads"), "threads of " + r));
        assertNoTwoAtOnceInOneContainer(results, "two trials of 2 cpus at once in one executor of " + YarnCluster.EXECUTOR_CORES + " cores");
    }

    @Test
    @Order(7)
    void underDynamicAllocationATrialOfTwoCpusGetsAnExecutorOfItsSize() throws Exception {
        // The application's own executors have 1 core, too few for a trial: only executors that the
        // trials' profile asks YARN for, of 2 cores, can run them.
        List<TrialResult> results = resourceSweep("dynamic", "{\"cpus\": 2}", "threads", "OMP_NUM_THREADS",
                Map.of("TUNE_DYNAMIC_ALLOCATION", "true", "TUNE_EXECUTOR_CORES", "1"));
        results.forEach(r -> assertEquals(2.0, r.metrics().get("threads"), "threads of " + r));
        assertNoTwoAtOnceInOneContainer(results, "two trials of 2 cpus at once in one executor of 2 cores");
    }

    @Test
    @Order(8)
    void aTrialOfOneGpuGetsTheGpuYarnGaveItsExecutor() throws Exception {
        // Each executor asks YARN for one yarn.io/gpu; its discovery script says it is address 0.
        java.nio.file.Path discovery = tmp.resolve("gpu.sh");
        Files.writeString(discovery, "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[\"0\"]}'\n");
        assertTrue(discovery.toFile().setExecutable(true));
        List<TrialResult> results = resourceSweep("gpus", "{\"gpus\": 1}", "gpu", "CUDA_VISIBLE_DEVICES",
                Map.of("TUNE_EXECUTOR_GPUS", "1", "TUNE_GPU_DISCOVERY_SCRIPT", discovery.toString()));
        results.forEach(r -> assertEquals(0.0, r.metrics().get("gpu"), "the address of " + r));
        assertNoTwoAtOnceInOneContainer(results, "two trials of 1 GPU at once on an executor of 1 GPU");
    }

    /**
     * Four 2-second command trials asking for {@code resources}, 4 at a time, in client mode; each
     * prints the environment variable it was given as {@code metric}, and its container's number.
     */
    private static List<TrialResult> resourceSweep(String name, String resources, String metric, String variable,
                                                   Map<String, String> settings) throws Exception {
        java.nio.file.Path space = Spaces.write(tmp, name, """
                {"params": {"x": "[1,2,3,4]"},
                 "trainable": {"type": "command", "argv": ["python3", "-c",
                   "import os,time; time.sleep(2); print('%s: ' + os.environ['%s']); print('container: %%d' %% int(os.environ['CONTAINER_ID'].rsplit('_', 1)[1])); print('loss: 0')"]},
                 "resources": %s,
                 "searcher": "grid"}""".formatted(metric, variable, resources));
        awaitSuccess(cluster.submit(tmp.resolve(name + ".log"), "client", settings, space, out(name), "--parallelism", "4"), name);
        List<TrialResult> results = new SweepFiles(out(name), cluster.conf()).results();
        assertEquals(4, results.size(), results.toString());
        return results;
    }

    /** Trials print their container's number as the metric "container". */
    private static void assertNoTwoAtOnceInOneContainer(List<TrialResult> results, String what) {
        for (TrialResult a : results) {
            for (TrialResult b : results) {
                boolean overlap = a.id() < b.id() && a.startMillis() < b.endMillis() && b.startMillis() < a.endMillis();
                assertFalse(overlap && a.metrics().get("container").equals(b.metrics().get("container")), what + ": " + a + " and " + b);
            }
        }
    }

    @Test
    @Order(9)
    void aStoppedNodeManagerLeavesTheSweepToTheOther() throws Exception {
        Process driver = cluster.submit(tmp.resolve("nm.log"), "client", checkpointed("nm", 6, 4), out("nm"));
        await(() -> stepsReported("nm", 0) >= 2, driver, "nm");
        cluster.stopNodeManagerWithoutTheApplicationMaster();
        awaitSuccess(driver, "nm");
        assertEveryTrialCompletedOnce("nm", 6);
    }

    private static final String EXECUTOR = "org.apache.spark.executor.YarnCoarseGrainedExecutorBackend";

    /** Branin trials of {@code steps} half-second steps that keep a checkpoint. */
    private static java.nio.file.Path checkpointed(String name, int trials, int steps) {
        return Spaces.write(tmp, name, "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\", \"steps\": " + steps
                + ", \"stepSeconds\": 0.5, \"checkpoint\": true},"
                + " \"searcher\": {\"type\": \"sobol\", \"seed\": 5}, \"budget\": {\"maxTrials\": " + trials + "}}");
    }

    private static void await(BooleanSupplier condition, Process driver, String name) throws Exception {
        SweepWatch.await(condition, driver, () -> log(name));
    }

    private static int stepsReported(String name, int trial) {
        return SweepWatch.stepsReported(out(name), cluster.conf(), trial);
    }

    private static int results(String name) {
        try {
            return new SweepFiles(out(name), cluster.conf()).results().size();
        } catch (Exception notYet) {
            return 0;
        }
    }

    /** The id of the finished trial whose {@code param} is {@code value}. */
    private static int trialWhere(String name, String param, double value) throws Exception {
        return new SweepFiles(out(name), cluster.conf()).results().stream()
                .filter(r -> r.config().getDouble(param) == value).findFirst().orElseThrow().id();
    }
}
