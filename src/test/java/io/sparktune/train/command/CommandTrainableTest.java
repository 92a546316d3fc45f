package io.sparktune.train.command;

import io.sparktune.core.Config;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.Json;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.StoreLocation;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.TrialOutputs;
import io.sparktune.testing.LocalTrialContext;
import io.sparktune.trial.TrialRunner;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command trials run by the real trial runner, with real python3 processes and a sweep directory on the local disk. */
class CommandTrainableTest {
    @TempDir
    Path tmp;

    static String program(String name) {
        try {
            return Path.of(CommandTrainableTest.class.getResource("/commands/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String trainable(Map<String, Object> options) throws Exception {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("type", "command");
        all.putAll(options);
        return Json.MAPPER.writeValueAsString(all);
    }

    private SweepSpec spec(String params, String trainable) {
        return SpecParser.parse("test.json", "{\"params\": " + params + ", \"trainable\": " + trainable + "}", "t", new Overrides());
    }

    private SweepDirectory store() {
        return SweepDirectory.at(tmp.resolve("sweep").toString(), new Configuration());
    }

    private TrialResult run(String params, String trainable, Map<String, Object> config) throws Exception {
        SweepSpec spec = spec(params, trainable);
        TrialRunner runner = new TrialRunner(new StoreLocation(store()), spec.trainable(), spec.scheduler(), spec.goals(),
                null, 1, 100, null);
        return runner.run(new Trial(0, Config.of(config), 42, 1));
    }

    private String stdout(int trialId) throws Exception {
        return new TrialOutputs(store(), trialId).readAll().get("stdout.txt");
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static long[] pids(String output) {
        Matcher m = Pattern.compile("pids (\\d+) (\\d+)").matcher(output);
        assertTrue(m.find(), "the program printed its pids: " + output);
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    @Test
    void guildsTrainPyPrintsTheLossThatBecomesTheTrialsMetric() throws Exception {
        TrialResult result = run("{\"x\": -0.3, \"noise\": 0}",
                trainable(Map.of("argv", List.of("python3", "conf/examples/train.py"))), Map.of("x", -0.3, "noise", 0.0));
        assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
        double expected = Math.sin(5 * -0.3) * (1 - Math.tanh(0.09));
        assertEquals(expected, result.metrics().get("loss"), 1e-6);
        assertEquals(-0.3, result.metrics().get("x"), 1e-9);
    }

    @Test
    void aParameterValueReachesTheProgramAsOneLiteralArgument() throws Exception {
        String hostile = "\"; rm -rf / $(id) `id` *";
        TrialResult result = run("{\"name\": \"x\"}",
                trainable(Map.of("argv", List.of("python3", program("argv.py"), "--name=${name}", "${name}"))), Map.of("name", hostile));
        assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
        List<String> argv = Arrays.asList(Json.MAPPER.readValue(stdout(0).lines().findFirst().orElseThrow(), String[].class));
        assertEquals(List.of("--name=" + hostile, hostile), argv);
    }

    @Test
    void withoutPlaceholdersEveryParameterIsPassedAsAFlag() throws Exception {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("x", -2.0);
        config.put("layers", 3L);
        run("{\"x\": -2.0, \"layers\": 3}", trainable(Map.of("argv", List.of("python3", program("argv.py")))), config);
        assertEquals("[\"--x\", \"-2.0\", \"--layers\", \"3\"]", stdout(0).lines().findFirst().orElseThrow());
    }

    @Test
    void stepLinesReportEachStepsMetricsToTheTrialsProgress() throws Exception {
        TrialResult result = run("{\"steps\": 3}",
                trainable(Map.of("argv", List.of("python3", program("steps.py"), "--steps", "${steps}", "--sleep", "0"))), Map.of("steps", 3L));
        assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
        List<ProgressLog.Step> steps = ProgressLog.read(store(), 0);
        assertEquals(List.of(1L, 2L, 3L), steps.stream().map(ProgressLog.Step::step).toList());
        assertEquals(0.5, steps.get(1).metrics().get("loss"), 1e-6);
        assertEquals(1.0 / 3, result.metrics().get("loss"), 1e-6);
        assertEquals(3, result.steps());
    }

    @Test
    void aConfiguredRegexReadsScalarsInTheProgramsOwnFormat() throws Exception {
        TrialResult result = run("{\"x\": 1}", trainable(Map.of(
                "argv", List.of("python3", "-c", "print('epoch 1 acc=0.9 loss=0.25')"),
                "metrics", Map.of("regex", "(?<name>\\w+)=(?<value>[-0-9.eE]+)"))), Map.of("x", 1L));
        assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
        assertEquals(Map.of("acc", 0.9, "loss", 0.25), result.metrics());
    }

    @Test
    void metricsComeFromAJsonFileTheProgramWrites() throws Exception {
        TrialResult result = run("{\"x\": 1}", trainable(Map.of(
                "argv", List.of("python3", program("metrics_file.py")), "metrics", Map.of("file", "metrics.json"))), Map.of("x", 1L));
        assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
        assertEquals(Map.of("loss", 0.125, "accuracy", 0.875), result.metrics());
    }

    @Test
    void aNonZeroExitFailsWithTheExitCodeAndTheStderrTail() throws Exception {
        TrialResult result = run("{\"x\": 1}", trainable(Map.of("argv", List.of("python3", program("fails.py")))), Map.of("x", 1L));
        assertEquals(TrialStatus.FAILED, result.status());
        assertEquals("CommandFailedException: exit code 3; stderr ends:\nTraceback (most recent call last):\nValueError: boom",
                result.error());
        assertTrue(new TrialOutputs(store(), 0).readAll().get("stderr.txt").contains("ValueError: boom"));
    }

    @Test
    void aTimeoutFailsTheTrialAndKillsTheWholeProcessTree() throws Exception {
        long start = System.nanoTime();
        TrialResult result = run("{\"x\": 1}", trainable(Map.of("argv", List.of("python3", program("tree.py")), "timeout", "1s")),
                Map.of("x", 1L));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(TrialStatus.FAILED, result.status());
        assertTrue(result.error().startsWith("CommandFailedException: timed out after 1s; the process tree was killed"), result.error());
        assertTrue(seconds < 1 + CommandTrainable.TERM_GRACE.toSeconds() + 2, "ended in " + seconds + "s");
        for (long pid : pids(stdout(0))) {
            assertFalse(alive(pid), "process " + pid + " of the timed-out trial still runs");
        }
    }

    @Test
    void aSchedulersStopEndsTheProgramWithSigtermAndKeepsTheMetricsSoFar() throws Exception {
        SweepSpec spec = spec("{\"sleep\": 0.1}", trainable(Map.of("argv", List.of("python3", program("steps.py")))));
        LocalTrialContext context = new LocalTrialContext(tmp.resolve("scratch"), List.of(), 2);
        long start = System.nanoTime();
        Map<String, Double> metrics = spec.trainable().create(null).train(Config.of(Map.of("sleep", 0.1)), context);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 5, "a 10 s program stopped at step 2 ended after " + seconds + "s");
        assertTrue(context.output("stdout.txt").contains("terminated by SIGTERM"), context.output("stdout.txt"));
        assertEquals(List.of(1L, 2L), context.reportedSteps().subList(0, 2));
        assertTrue(metrics.get("loss") > 0.33, "the loss of step 3 at most (0.333333): " + metrics);
    }

    @Test
    void assignedGpusBecomeCudaVisibleDevicesAndCpusBecomeOmpThreads() throws Exception {
        SweepSpec spec = spec("{\"x\": 1}", trainable(Map.of("argv", List.of("python3", program("env.py")),
                "env", Map.of("CUDA_VISIBLE_DEVICES", "0,1,2,3"))));
        LocalTrialContext context = new LocalTrialContext(tmp.resolve("scratch"), List.of("1", "3"), Long.MAX_VALUE);
        spec.trainable().create(null).train(Config.of(Map.of("x", 1L)), context);
        String out = context.output("stdout.txt");
        assertTrue(out.contains("CUDA_VISIBLE_DEVICES=1,3\n"), out);
        assertTrue(out.contains("OMP_NUM_THREADS=1\n"), out);
    }

    @Test
    void theProgramRunsInItsOwnScratchDirectoryWhichIsRemovedAfterwards() throws Exception {
        run("{\"x\": 1}", trainable(Map.of("argv", List.of("python3", program("env.py")))), Map.of("x", 1L));
        String cwd = stdout(0).lines().filter(l -> l.startsWith("cwd=")).findFirst().orElseThrow().substring(4);
        assertTrue(Path.of(cwd).getFileName().toString().startsWith("sparktune-trial-0-"), cwd);
        assertFalse(Path.of(cwd).toFile().exists(), "scratch directory " + cwd + " was left behind");
    }

    @Test
    void outputTailsAreCappedInTheSweepDirectory() throws Exception {
        run("{\"x\": 1}", trainable(Map.of("argv", List.of("python3", "-c",
                "print('\\n'.join('line %d' % i for i in range(100000))); print('loss: 0')"))), Map.of("x", 1L));
        String out = stdout(0);
        assertTrue(out.length() < CommandTrainable.TAIL_CHARS + 100, "kept " + out.length() + " chars");
        assertTrue(out.startsWith("[... earlier output dropped ...]"), out.substring(0, 80));
        assertTrue(out.endsWith("line 99999\nloss: 0\n"), out.substring(out.length() - 40));
    }

    @Test
    void aPlaceholderThatNamesNoParameterIsBadInputAtTheArgvPath() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> spec("{\"x\": 1}",
                trainable(Map.of("argv", List.of("python3", "train.py", "--lr=${lr}")))));
        assertEquals("test.json: trainable.argv: ${lr} names no parameter (the space has x)", e.getMessage());
    }

    @Test
    void aMissingProgramFailsTheTrialWithTheReason() throws Exception {
        TrialResult result = run("{\"x\": 1}", trainable(Map.of("argv", List.of("no-such-program-here"))), Map.of("x", 1L));
        assertEquals(TrialStatus.FAILED, result.status());
        assertTrue(result.error().startsWith("CommandFailedException: cannot start no-such-program-here"), result.error());
    }
}
