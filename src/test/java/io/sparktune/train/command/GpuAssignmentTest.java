package io.sparktune.train.command;

import io.sparktune.store.SweepDirectory;
import io.sparktune.store.TrialOutputs;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.sparktune.train.command.CommandTrainableTest.program;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GPU addresses that Spark assigns reach the program as CUDA_VISIBLE_DEVICES: a real local-cluster
 * (executors in their own JVMs) whose worker finds two fake GPUs with a discovery script, as
 * DESIGN.md describes. The sweep runs in a child JVM, since a JVM holds one SparkContext.
 */
class GpuAssignmentTest {
    @TempDir
    Path tmp;

    @Test
    void twoTrialsRunningAtOnceSeeTheirOwnSparkAssignedGpu() throws Exception {
        Map<Integer, String> seen = sweep(List.of("-Dspark.task.resource.gpu.amount=1"), "x=[1,2]", 2);
        assertEquals(Set.of("0", "1"), new TreeSet<>(seen.values()));
    }

    @Test
    void halfAGpuPerTrialPutsTwoTrialsOnOneAddress() throws Exception {
        // resources.gpus 0.5 goes through the engine's task resource profile (stage-level scheduling).
        Map<Integer, String> seen = sweep(List.of("-Dspark.task.resource.gpu.amount=1"), "x=[1,2,3,4]", 4,
                "--gpus", "0.5");
        assertEquals(4, seen.size(), seen.toString());
        Map<String, Long> perAddress = new TreeMap<>();
        seen.values().forEach(a -> perAddress.merge(a, 1L, Long::sum));
        assertTrue(perAddress.values().stream().anyMatch(n -> n >= 2), "two trials shared an address: " + perAddress);
    }

    /** Runs a command sweep on a real local-cluster whose worker has two fake GPUs; returns each trial's address. */
    private Map<Integer, String> sweep(List<String> sparkProperties, String param, int trials, String... extra) throws Exception {
        Path discovery = tmp.resolve("gpus.sh");
        Files.writeString(discovery, "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\"]}'\n");
        assertTrue(discovery.toFile().setExecutable(true));
        String out = tmp.resolve("sweep-" + trials).toString();
        Path classes = Path.of("target/classes").toAbsolutePath();
        Path testClasses = Path.of("target/test-classes").toAbsolutePath();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("sparktune.javaOpens").split(" ")));
        command.addAll(sparkProperties);
        command.addAll(List.of(
                "-Dspark.worker.resource.gpu.amount=2",
                "-Dspark.worker.resource.gpu.discoveryScript=" + discovery,
                "-Dspark.executor.resource.gpu.amount=2",
                "-Dspark.executor.memory=512m",
                "-Dspark.executor.extraClassPath=" + classes + ":" + testClasses,
                "-Dspark.executor.extraJavaOptions=" + System.getProperty("sparktune.javaOpens"),
                "-cp", System.getProperty("java.class.path"), "io.sparktune.cli.Main",
                "run", "--command", "python3 " + program("gpu.py"), "--param", param, "--parallelism", "2",
                "--master", "local-cluster[1,2,1024]", "--out", out));
        command.addAll(List.of(extra));
        Path log = tmp.resolve("tune-" + trials + ".log");
        Process tune = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(tune.waitFor(3, TimeUnit.MINUTES), "the sweep did not end in time");
        assertEquals(0, tune.exitValue(), Files.readString(log));

        SweepDirectory dir = SweepDirectory.at(out, new Configuration());
        Map<Integer, String> seen = new TreeMap<>();
        for (int trial = 0; trial < trials; trial++) {
            String stdout = new TrialOutputs(dir, trial).readAll().get("stdout.txt");
            seen.put(trial, stdout.lines().filter(l -> l.startsWith("CUDA_VISIBLE_DEVICES=")).findFirst().orElseThrow().substring(21));
        }
        return seen;
    }
}
