package io.sparktune.cluster;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.NodeId;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.nodemanager.NodeManager;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMAppState;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HDFS (a MiniDFSCluster of 2 DataNodes) and YARN (a MiniYARNCluster of 2 NodeManagers) in this JVM,
 * the HADOOP_CONF_DIR a gateway machine would have for them, and a SPARK_HOME made of the Maven jars
 * whose {@code bin/spark-submit} builds the driver's command with Spark's own launcher library, as a
 * distribution's does. Sweeps go in through {@code submit/yarn.sh} unchanged.
 *
 * <p>Each NodeManager offers 3 vcores and YARN counts them (DominantResourceCalculator): an executor
 * of 2 cores fits beside an application master's 1 and never beside another executor, so a sweep's
 * 2 executors land on different NodeManagers.
 */
final class YarnCluster implements AutoCloseable {
    static final int EXECUTOR_CORES = 2;
    private static final int NODE_MANAGERS = 2;
    static final String GPU = "yarn.io/gpu";

    private final Path home;
    private final Path hadoopConf;
    private final MiniDFSCluster hdfs;
    private final MiniYARNCluster yarn;
    private final Configuration conf;
    private final List<Process> submissions = new ArrayList<>();

    YarnCluster(Path dir, String name) throws Exception {
        conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
        conf.setInt("dfs.replication", 2);
        // With two DataNodes there is no spare to swap into a broken write pipeline.
        conf.set("dfs.client.block.write.replace-datanode-on-failure.policy", "NEVER");
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(2).build();
        hdfs.waitActive();
        yarn = new MiniYARNCluster(name, 1, NODE_MANAGERS, 1, 1);
        yarn.init(yarnConf());
        yarn.start();
        awaitResourceManagerAddress();
        home = dir.resolve("spark-home");
        hadoopConf = dir.resolve("hadoop-conf");
        writeHadoopConf();
        writeSparkHome();
    }

    private static YarnConfiguration yarnConf() {
        YarnConfiguration conf = new YarnConfiguration();
        conf.set(YarnConfiguration.RM_HOSTNAME, "localhost");
        // hadoop-client-minicluster has no capacity-scheduler.xml: one queue, as Spark's YarnClusterSuite sets it.
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
        conf.setFloat("yarn.scheduler.capacity.root.default.user-limit-factor", 1);
        conf.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
        conf.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
        conf.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
        conf.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
        conf.setInt("yarn.scheduler.capacity.node-locality-delay", -1);
        conf.set("yarn.scheduler.capacity.resource-calculator", "org.apache.hadoop.yarn.util.resource.DominantResourceCalculator");
        conf.setInt(YarnConfiguration.NM_VCORES, 3);
        // YARN's GPU resource type, 2 a NodeManager, declared rather than found by the GPU plugin
        // (which runs nvidia-smi): the scheduler counts and grants them as it would real ones.
        conf.set("yarn.resource-types", GPU);
        conf.set("yarn.nodemanager.resource-type." + GPU, "2");
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 2048);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        conf.set("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", "100.0");
        // A stopped NodeManager is seen as lost in seconds, not YARN's default 10 minutes.
        conf.setLong(YarnConfiguration.RM_NM_EXPIRY_INTERVAL_MS, 5000);
        return conf;
    }

    /** MiniYARNCluster's start() can return before the RM's real port is in its configuration (see Spark's BaseYarnClusterSuite). */
    private void awaitResourceManagerAddress() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (yarn.getConfig().get(YarnConfiguration.RM_ADDRESS).endsWith(":0")) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the ResourceManager's address was never set");
            }
            Thread.sleep(100);
        }
    }

    private void writeHadoopConf() throws IOException {
        Files.createDirectories(hadoopConf);
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", "hdfs://localhost:" + hdfs.getNameNodePort());
        write(core, "core-site.xml");
        Configuration hdfsSite = new Configuration(false);
        hdfsSite.setInt("dfs.replication", 2);
        hdfsSite.set("dfs.client.block.write.replace-datanode-on-failure.policy", "NEVER");
        write(hdfsSite, "hdfs-site.xml");
        write(yarn.getConfig(), "yarn-site.xml");
    }

    private void write(Configuration c, String file) throws IOException {
        try (OutputStream out = Files.newOutputStream(hadoopConf.resolve(file))) {
            c.writeXml(out);
        }
    }

    /**
     * A Spark distribution's layout over the Maven jars: RELEASE tells the launcher library that
     * jars/ holds them; bin/spark-submit is bin/spark-class's loop in brief; spark-defaults.conf holds
     * only what a small test cluster needs beyond submit/yarn.sh.
     */
    private void writeSparkHome() throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("conf"));
        Files.createSymbolicLink(home.resolve("jars"), StandaloneCluster.SPARK_HOME.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark from the Maven jars (SparkTune's YARN tests)\n");
        Path submit = home.resolve("bin/spark-submit");
        Files.writeString(submit, """
                #!/usr/bin/env bash
                # The launcher prints its messages, a line holding only NUL, then the command NUL-separated.
                set -uo pipefail
                delim=$'\\n'; started=false; cmd=()
                while IFS= read -r -d "$delim" arg; do
                  if $started; then cmd+=("$arg"); elif [ -z "$arg" ]; then delim=''; started=true; else echo "$arg"; fi
                done < <("$JAVA_HOME/bin/java" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit "$@")
                [ ${#cmd[@]} -gt 0 ] || exit 1
                exec "${cmd[@]}"
                """);
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("conf/spark-defaults.conf"), String.join("\n",
                // The NodeManagers are on this machine: containers read Spark's jars where they are, with no upload.
                "spark.yarn.jars local:" + home.resolve("jars") + "/*",
                "spark.driver.memory 512m",
                "spark.yarn.am.memory 256m",
                "spark.ui.enabled false",
                // Both executors before the first trial, however slowly YARN starts them on a loaded
                // machine: the tests count on where trials run.
                "spark.scheduler.minRegisteredResourcesRatio 1.0",
                "spark.scheduler.maxRegisteredResourcesWaitingTime 180s",
                ""));
        Files.copy(Path.of("src/test/resources/log4j2-cluster.properties"), home.resolve("conf/log4j2.properties"));
    }

    Configuration conf() {
        return conf;
    }

    String hdfs(String path) {
        return "hdfs://localhost:" + hdfs.getNameNodePort() + path;
    }

    /**
     * Runs {@code submit/yarn.sh SPACE OUT tuneArgs...} as a user's job would, with its own settings
     * in the environment: 2 executors of {@link #EXECUTOR_CORES} cores and 512 MB.
     */
    Process submit(Path log, String deployMode, Path space, String out, String... tuneArgs) throws IOException {
        return submit(log, deployMode, Map.of(), space, out, tuneArgs);
    }

    /** @param settings more of yarn.sh's TUNE_* settings */
    Process submit(Path log, String deployMode, Map<String, String> settings, Path space, String out, String... tuneArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("submit/yarn.sh").toAbsolutePath().toString(), space.toString(), out));
        command.addAll(Arrays.asList(tuneArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("HADOOP_CONF_DIR", hadoopConf.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("TUNE_DEPLOY_MODE", deployMode);
        env.put("TUNE_JAVA_HOME", System.getProperty("java.home"));
        env.put("TUNE_EXECUTORS", "2");
        env.put("TUNE_EXECUTOR_CORES", String.valueOf(EXECUTOR_CORES));
        env.put("TUNE_EXECUTOR_MEMORY", "512m");
        env.putAll(settings);
        Process process = builder.start();
        submissions.add(process);
        return process;
    }

    /** The JVMs of YARN containers running {@code mainClass}: NodeManagers in this JVM start them as its descendants. */
    static List<ProcessHandle> containers(String mainClass) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(mainClass)).orElse(false))
                .toList();
    }

    /**
     * Stops a NodeManager that runs no application master, with the containers on it, while one
     * application runs: its executors go, its driver stays.
     */
    void stopNodeManagerWithoutTheApplicationMaster() {
        RMApp app = yarn.getResourceManager().getRMContext().getRMApps().values().stream()
                .filter(a -> a.getState() == RMAppState.RUNNING).findFirst().orElseThrow();
        NodeId master = app.getCurrentAppAttempt().getMasterContainer().getNodeId();
        for (int i = 0; i < NODE_MANAGERS; i++) {
            NodeManager nm = yarn.getNodeManager(i);
            if (!nm.getNMContext().getNodeId().equals(master)) {
                nm.stop();
                return;
            }
        }
        throw new IllegalStateException("every NodeManager runs " + app.getApplicationId() + "'s master");
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : submissions) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        yarn.stop();
        hdfs.shutdown();
    }
}
