package io.sparktune.train.command;

import io.sparktune.core.TrialResult;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.TrialOutputs;
import io.sparktune.testing.ChildTune;
import io.sparktune.testing.SweepFiles;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GPU addresses reach the program as CUDA_VISIBLE_DEVICES: on a real local-cluster (executors in their
 * own JVMs) whose worker finds two fake GPUs with a discovery script, as DESIGN.md describes, Spark
 * assigns them; in local mode, where Spark has none to give, SparkTune finds them (a fake nvidia-smi,
 * or Spark's driver discovery script) and hands them out itself. Each sweep runs in a child JVM,
 * since a JVM holds one SparkContext.
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

    @Test
    void inLocalModeEachTrialHasAGpuFromNvidiaSmiToItselfWhileItRuns() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        script(bin.resolve("nvidia-smi"), "#!/bin/sh\nprintf '0\\n1\\n'\n");
        String out = tmp.resolve("local").toString();
        String log = localSweep(List.of(), Map.of("PATH", bin + ":" + System.getenv("PATH")), out, 0, "--gpus", "1");

        assertTrue(log.contains("2 at a time"), log);
        Map<Integer, String> seen = addresses(out, 4);
        assertEquals(Set.of("0", "1"), new TreeSet<>(seen.values()), seen.toString());
        List<TrialResult> results = new SweepFiles(out).results();
        for (TrialResult a : results) {
            for (TrialResult b : results) {
                boolean overlap = a.id() < b.id() && a.startMillis() < b.endMillis() && b.startMillis() < a.endMillis();
                assertFalse(overlap && seen.get(a.id()).equals(seen.get(b.id())),
                        "trials " + a.id() + " and " + b.id() + " ran at once on GPU " + seen.get(a.id()));
            }
        }
    }

    @Test
    void inLocalModeHalfAGpuPerTrialPutsTwoTrialsOnTheAddressSparksDriverDiscoveryFound() throws Exception {
        Path discovery = script(tmp.resolve("gpu0.sh"), "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[\"0\"]}'\n");
        String out = tmp.resolve("local-half").toString();
        String log = localSweep(List.of("-Dspark.driver.resource.gpu.amount=1",
                "-Dspark.driver.resource.gpu.discoveryScript=" + discovery), Map.of(), out, 0, "--gpus", "0.5");

        assertTrue(log.contains("2 at a time"), log);
        assertEquals(Set.of("0"), new TreeSet<>(addresses(out, 4).values()));
    }

    @Test
    void inLocalModeNoGpuFoundIsOneLineNamingTheSettingAndExit2() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("no-gpu"));
        script(bin.resolve("nvidia-smi"), "#!/bin/sh\necho 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.'\nexit 9\n");
        String log = localSweep(List.of(), Map.of("PATH", bin + ":" + System.getenv("PATH")), tmp.resolve("none").toString(), 2,
                "--gpus", "1");

        List<String> lines = log.lines().filter(l -> l.contains("resources.gpus")).toList();
        assertEquals(1, lines.size(), log);
        assertTrue(lines.get(0).contains("--gpus") && lines.get(0).contains("no GPU"), log);
        assertFalse(log.contains("internal error") || log.contains("\tat "), log);
    }

    /** Runs four command trials in local mode ({@code local[4]}), in a child JVM; returns its output. */
    private String localSweep(List<String> javaOptions, Map<String, String> environment, String out, int expectedExit,
                              String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--command", "python3 " + program("gpu.py"),
                "--param", "x=[1,2,3,4]", "--parallelism", "4", "--master", "local[4]", "--out", out));
        args.addAll(List.of(extra));
        Path log = tmp.resolve(Path.of(out).getFileName() + ".log");
        Process tune = ChildTune.start(log, javaOptions, environment, args.toArray(String[]::new));
        assertTrue(tune.waitFor(3, TimeUnit.MINUTES), "the sweep did not end in time");
        assertEquals(expectedExit, tune.exitValue(), Files.readString(log));
        return Files.readString(log);
    }

    private static Path script(Path file, String text) throws Exception {
        Files.writeString(file, text);
        assertTrue(file.toFile().setExecutable(true));
        return file;
    }

    /** Runs a command sweep on a real local-cluster whose worker has two fake GPUs; returns each trial's address. */
    private Map<Integer, String> sweep(List<String> sparkProperties, String param, int trials, String... extra) throws Exception {
        Path discovery = script(tmp.resolve("gpus.sh"), "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\"]}'\n");
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
        return addresses(out, trials);
    }

    /** The CUDA_VISIBLE_DEVICES that each trial's program printed. */
    private static Map<Integer, String> addresses(String out, int trials) throws Exception {
        SweepDirectory dir = SweepDirectory.at(out, new Configuration());
        Map<Integer, String> seen = new TreeMap<>();
        for (int trial = 0; trial < trials; trial++) {
            String stdout = new TrialOutputs(dir, trial).readAll().get("stdout.txt");
            seen.put(trial, stdout.lines().filter(l -> l.startsWith("CUDA_VISIBLE_DEVICES=")).findFirst().orElseThrow().substring(21));
        }
        return seen;
    }
}
