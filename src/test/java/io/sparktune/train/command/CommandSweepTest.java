package io.sparktune.train.command;

import io.sparktune.api.ExitCode;
import io.sparktune.cli.Main;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.search.Searchers;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Sweeps of Guild's train.py (conf/examples/train.py) through the CLI, on a real local[2] Spark. */
class CommandSweepTest {
    private static final String TRAIN_PY = "python3 conf/examples/train.py";

    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    private int tune(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String dir(String name) {
        return tmp.resolve(name).toString();
    }

    private static double loss(double x) {
        return Math.sin(5 * x) * (1 - Math.tanh(x * x));
    }

    private static TrialResult best(List<TrialResult> results) {
        return results.stream().filter(r -> r.status() != TrialStatus.FAILED).min(Comparator.comparingDouble(r -> r.metrics().get("loss"))).orElseThrow();
    }

    @Test
    void aGridSweepOfTrainPyFromTheCommandLineFindsTheGridPointNearestTheOptimum() throws Exception {
        int code = tune("run", "--command", TRAIN_PY, "--param", "x=linspace[-2:2:9]", "--param", "noise=0", "--min", "loss",
                "--out", dir("grid"));
        assertEquals(0, code, err.toString());
        List<TrialResult> results = new SweepFiles(dir("grid")).results();
        assertEquals(9, results.size());
        assertTrue(results.stream().allMatch(r -> r.status() == TrialStatus.COMPLETED), results.toString());
        assertEquals(-0.5, best(results).config().getDouble("x"), 1e-9);
        assertTrue(out.toString().contains("best: trial 3 loss=-0.451895"), out.toString());
    }

    @Test
    void aRandomSweepRunsEachSuggestedXThroughTheProgram() throws Exception {
        int code = tune("run", "--command", TRAIN_PY, "--param", "x=uniform[-2:2]", "--param", "noise=0", "--searcher", "random",
                "--max-trials", "12", "--seed", "3", "--out", dir("random"));
        assertEquals(0, code, err.toString());
        List<TrialResult> results = new SweepFiles(dir("random")).results();
        assertEquals(12, results.size());
        for (TrialResult r : results) {
            double x = r.config().getDouble("x");
            assertEquals(loss(x), r.metrics().get("loss"), 1e-5, "trial " + r.id() + " at x=" + x);
        }
    }

    @Test
    void gpFindsXWithinATenthOfTheOptimumInTwentyTrialsAtNoiseZero() throws Exception {
        assumeTrue(Searchers.types().contains("gp"), "the gp searcher is not on this branch yet");
        int code = tune("run", "--space", "conf/spaces/train-py-gp.json", "--param", "noise=0", "--out", dir("gp"));
        assertEquals(0, code, err.toString());
        List<TrialResult> results = new SweepFiles(dir("gp")).results();
        assertEquals(20, results.size());
        double x = best(results).config().getDouble("x");
        assertEquals(-0.3, x, 0.1, "best x after 20 gp trials");
    }

    @Test
    void statusOfOneTrialShowsItsResultAndOutputTails() {
        assertEquals(0, tune("run", "--command", TRAIN_PY + " --noise 0", "--param", "x=[-0.3]", "--out", dir("status")), err.toString());
        out.reset();
        assertEquals(0, tune("status", "--out", dir("status"), "--trial", "0"), err.toString());
        String shown = out.toString();
        assertTrue(shown.startsWith("trial 0: completed\nconfig: x=-0.3\n"), shown);
        assertTrue(shown.contains("--- stdout.txt ---\nx: -0.300000\nnoise: 0.000000\nloss: -0.907962\n"), shown);
        assertTrue(!shown.contains("--- stderr.txt ---"), "train.py wrote nothing to stderr, so nothing is kept: " + shown);
    }

    @Test
    void anUnterminatedQuoteInTheCommandIsBadInputOnOneLine() {
        assertEquals(ExitCode.BAD_INPUT.code(), tune("run", "--command", "python3 'train.py", "--param", "x=[1]", "--out", dir("bad")));
        assertEquals("--command: unterminated single quote\n", err.toString());
    }

    @Test
    void minAndMaxTogetherAreBadInput() {
        assertEquals(ExitCode.BAD_INPUT.code(), tune("run", "--command", TRAIN_PY, "--param", "x=[1]", "--min", "loss", "--max", "acc"));
        assertEquals("--min/--max: give one of --min and --max, or --metric with --mode, not both\n", err.toString());
    }

    @Test
    void anUnknownTrialIsBadInput() {
        assertEquals(0, tune("run", "--command", TRAIN_PY, "--param", "x=[1]", "--out", dir("one")), err.toString());
        err.reset();
        assertEquals(ExitCode.BAD_INPUT.code(), tune("status", "--out", dir("one"), "--trial", "5"));
        assertTrue(err.toString().startsWith("--trial: 5: no such trial in file:"), err.toString());
    }
}
