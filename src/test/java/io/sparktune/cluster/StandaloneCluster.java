package io.sparktune.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone Master and Workers in their own JVMs on 127.0.0.1, started from the Maven jars in
 * target/spark-home, and a way to submit tune.jar to them as spark-submit does. Everything it starts
 * it stops by process handle, descendants (executors) included, even when a test fails.
 */
final class StandaloneCluster implements AutoCloseable {
    static final Path SPARK_HOME = Path.of("target/spark-home").toAbsolutePath();
    static final Path TUNE_JAR = Path.of("target/tune.jar").toAbsolutePath();

    private final Path logs;
    private final int masterPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final List<Process> others = new ArrayList<>();

    StandaloneCluster(Path logs, int workerCount) throws Exception {
        this.logs = logs;
        Files.createDirectories(logs);
        this.masterPort = freePort();
        this.master = java(logs.resolve("master.log"), "256m", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", "0");
        for (int i = 0; i < workerCount; i++) {
            startWorker(i);
        }
        awaitLog(logs.resolve("master.log"), "Registering worker", workerCount, 120);
    }

    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    private void startWorker(int index) throws IOException {
        Path workDir = logs.resolve("worker-" + index);
        Files.createDirectories(workDir);
        workers.add(java(logs.resolve("worker-" + index + ".log"), "256m", "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", "0",
                "--work-dir", workDir.toString(), url()));
    }

    List<Process> workers() {
        return workers;
    }

    /** The executor JVMs that the workers launched, by their command line. */
    List<ProcessHandle> executors() {
        return workers.stream().flatMap(Process::descendants)
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")).orElse(false))
                .toList();
    }

    /** Runs {@code tune} with tune.jar as the application jar, through SparkSubmit in client mode. */
    Process submit(Path log, List<String> sparkConf, String... tuneArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--master", url(), "--deploy-mode", "client",
                "--conf", "spark.executor.extraJavaOptions=" + opens(),
                "--conf", "spark.executor.memory=512m",
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.scheduler.mode=FAIR",
                "--conf", "spark.scheduler.allocation.file=" + Path.of("conf/fairscheduler.xml").toAbsolutePath()));
        for (String conf : sparkConf) {
            args.add("--conf");
            args.add(conf);
        }
        args.addAll(List.of("--class", "io.sparktune.cli.Main", TUNE_JAR.toString()));
        args.addAll(Arrays.asList(tuneArgs));
        Process driver = java(log, "1g", List.of(), "org.apache.spark.deploy.SparkSubmit", args.toArray(new String[0]));
        others.add(driver);
        return driver;
    }

    /**
     * Runs {@code tune} as a plain JVM with tune.jar on its class path, as {@code submit/tune} does
     * without SPARK_HOME: SparkTune makes the session for {@code --master} itself.
     *
     * @param sparkConf {@code key=value} Spark properties, passed as system properties
     */
    Process tune(Path log, List<String> sparkConf, String... tuneArgs) throws IOException {
        List<String> properties = new ArrayList<>(List.of("-Dspark.executor.extraJavaOptions=" + opens(),
                "-Dspark.executor.memory=512m", "-Dspark.ui.enabled=false"));
        sparkConf.forEach(conf -> properties.add("-D" + conf));
        List<String> args = new ArrayList<>(Arrays.asList(tuneArgs));
        args.addAll(List.of("--master", url()));
        Process driver = java(log, "1g", properties, "io.sparktune.cli.Main", args.toArray(new String[0]));
        others.add(driver);
        return driver;
    }

    private Process java(Path log, String heap, String mainClass, String... args) throws IOException {
        return java(log, heap, List.of(), mainClass, args);
    }

    /** @param properties system properties; SparkTune's own main runs with tune.jar first on the class path, as submit/tune puts it */
    private Process java(Path log, String heap, List<String> properties, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(Arrays.asList(opens().split("\\s+")));
        command.add("-Dlog4j.configurationFile=" + Path.of("src/test/resources/log4j2-cluster.properties").toAbsolutePath());
        command.addAll(properties);
        command.add("-cp");
        String sparkJars = SPARK_HOME.resolve("jars") + File.separator + "*";
        command.add(mainClass.startsWith("io.sparktune") ? TUNE_JAR + File.pathSeparator + sparkJars : sparkJars);
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", SPARK_HOME.toString());
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    static String opens() {
        return System.getProperty("sparktune.javaOpens", "").trim();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code text} appears {@code times} times in the log. */
    static void awaitLog(Path log, String text, int times, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readString(log).split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("'" + text + "' x" + times + " not seen in " + log + " within " + seconds + "s:\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        List<Process> all = new ArrayList<>(others);
        all.addAll(workers);
        all.add(master);
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : all) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
