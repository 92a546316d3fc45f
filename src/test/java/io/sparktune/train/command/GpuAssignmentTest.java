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
        Path discovery = tmp.resolve("gpus.sh");
        Files.writeString(discovery, "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\"]}'\n");
        assertTrue(discovery.toFile().setExecutable(true));
        String out = tmp.resolve("sweep").toString();
        Path classes = Path.of("target/classes").toAbsolutePath();
        Path testClasses = Path.of("target/test-classes").toAbsolutePath();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("sparktune.javaOpens").split(" ")));
        command.addAll(List.of(
                "-Dspark.worker.resource.gpu.amount=2",
                "-Dspark.worker.resource.gpu.discoveryScript=" + discovery,
                "-Dspark.executor.resource.gpu.amount=2",
                "-Dspark.task.resource.gpu.amount=1",
                "-Dspark.executor.memory=512m",
                "-Dspark.executor.extraClassPath=" + classes + ":" + testClasses,
                "-Dspark.executor.extraJavaOptions=" + System.getProperty("sparktune.javaOpens"),
                "-cp", System.getProperty("java.class.path"), "io.sparktune.cli.Main",
                "run", "--command", "python3 " + program("gpu.py"), "--param", "x=[1,2]", "--parallelism", "2",
                "--master", "local-cluster[1,2,1024]", "--out", out));
        Path log = tmp.resolve("tune.log");
        Process tune = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(tune.waitFor(3, TimeUnit.MINUTES), "the sweep did not end in time");
        assertEquals(0, tune.exitValue(), Files.readString(log));

        SweepDirectory dir = SweepDirectory.at(out, new Configuration());
        Set<String> seen = new TreeSet<>();
        for (int trial = 0; trial < 2; trial++) {
            String stdout = new TrialOutputs(dir, trial).readAll().get("stdout.txt");
            seen.add(stdout.lines().filter(l -> l.startsWith("CUDA_VISIBLE_DEVICES=")).findFirst().orElseThrow().substring(21));
        }
        assertEquals(Set.of("0", "1"), seen);
    }
}
