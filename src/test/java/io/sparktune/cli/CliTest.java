package io.sparktune.cli;

import io.sparktune.testing.Spaces;
import io.sparktune.testing.TestSpark;
import io.sparktune.testing.TestTrainables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tune command in-process: exit codes, the one-line errors, and what it prints. */
class CliTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
        String errLine() {
            return err.strip();
        }
    }

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    private static Run tune(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path space(String json) {
        return Spaces.write(tmp, "space", json);
    }

    private static void assertOneLine(Run run) {
        assertEquals(1, run.errLine().lines().count(), "one line, no stack trace: " + run.err);
    }

    @Test
    void runIsTheDefaultCommand() {
        Path space = space("{\"params\": {\"x\": \"[-1,0,1]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}");
        Run run = tune("--space", space.toString(), "--out", tmp.resolve("sweep").toString(), "--param", "noise=0");
        assertEquals(0, run.exit, run.err);
        assertTrue(run.out.contains("complete: 3/3 trials done (3 completed, 0 stopped, 0 failed)"), run.out);
        assertTrue(run.out.contains("best: trial 2 loss=-0.228613"), run.out);
    }

    @Test
    void malformedJsonExitsTwoWithOneLineAndWritesNothing() {
        Path space = space("{\"params\": {\"x\": [1,2}");
        Path out = tmp.resolve("never");
        Run run = tune("run", "--space", space.toString(), "--out", out.toString());
        assertEquals(2, run.exit);
        assertOneLine(run);
        assertTrue(run.errLine().startsWith(space + ": line 1, column "), run.err);
        assertFalse(Files.exists(out), "nothing written to --out");
    }

    @Test
    void unknownSearcherNamesTheFileAndPath() {
        Path space = space("{\"params\": {\"x\": \"[1,2]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"},"
                + " \"searcher\": {\"type\": \"anneal\"}}");
        Run run = tune("run", "--space", space.toString(), "--out", tmp.resolve("never").toString());
        assertEquals(2, run.exit);
        assertOneLine(run);
        assertTrue(run.errLine().startsWith(space + ": searcher.type: unknown searcher 'anneal' (expected one of grid, random, sobol"), run.err);
    }

    @Test
    void badFlagValuesAreBadInput() {
        Path space = space("{\"params\": {\"x\": \"[1,2]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}");
        Run notANumber = tune("run", "--space", space.toString(), "--max-trials", "many");
        assertEquals(2, notANumber.exit);
        assertOneLine(notANumber);
        assertTrue(notANumber.errLine().contains("'many' is not an int"), notANumber.err);

        Run negative = tune("run", "--space", space.toString(), "--max-trials", "-1");
        assertEquals(2, negative.exit);
        assertEquals("--max-trials: budget.maxTrials: must be >= 1, got -1", negative.errLine());

        Run unknown = tune("run", "--space", space.toString(), "--max-trails", "3");
        assertEquals(2, unknown.exit);
        assertTrue(unknown.errLine().startsWith("run: Unknown options: '--max-trails'"), unknown.err);

        Run missingFile = tune("run", "--space", tmp.resolve("nope.json").toString());
        assertEquals(2, missingFile.exit);
        assertEquals(tmp.resolve("nope.json") + ": no such file", missingFile.errLine());

        Run badParam = tune("run", "--space", space.toString(), "--param", "x");
        assertEquals(2, badParam.exit);
        assertEquals("--param: x: expected NAME=SPEC, e.g. lr=loguniform[1e-4:1e-1]", badParam.errLine());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "compare", "best", "status"}) {
            Run help = tune(command, "--help");
            assertEquals(0, help.exit, command);
            assertTrue(help.out.contains("Usage: tune " + command), help.out);
        }
        Run top = tune("--help");
        assertEquals(0, top.exit);
        assertTrue(top.out.contains("Exit codes: 0 complete"), top.out);
    }

    @Test
    void noSuccessfulTrialExitsThree() {
        Path space = space("{\"params\": {\"x\": \"[-2,-1]\"}, \"trainable\": " + Spaces.classTrainable(TestTrainables.ThrowsWhenNegative.class) + "}");
        Run run = tune("run", "--space", space.toString(), "--out", tmp.resolve("fails").toString());
        assertEquals(3, run.exit, run.out + run.err);
        assertTrue(run.out.contains("no trial succeeded: 2/2 trials done (0 completed, 0 stopped, 2 failed)"), run.out);
    }

    @Test
    void aLiveLockExitsFourAndAStaleOneIsTakenOver() throws Exception {
        Path space = space("{\"params\": {\"x\": \"[1,2]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}");
        Path out = tmp.resolve("locked");
        Files.createDirectories(out);
        String lock = "{\"owner\":\"elsewhere:1\",\"host\":\"elsewhere\",\"pid\":1,\"run\":\"other\",\"heartbeat\":%d}";
        Files.writeString(out.resolve("lock"), String.format(lock, System.currentTimeMillis()));
        Run refused = tune("run", "--space", space.toString(), "--out", out.toString());
        assertEquals(4, refused.exit);
        assertOneLine(refused);
        assertTrue(refused.errLine().startsWith("another run holds file:" + out), refused.err);

        Files.writeString(out.resolve("lock"), String.format(lock, System.currentTimeMillis() - 120_000));
        Run takeOver = tune("run", "--space", space.toString(), "--out", out.toString());
        assertEquals(0, takeOver.exit, takeOver.err);
        assertTrue(takeOver.out.contains("taking over the lock of run other (elsewhere:1, no heartbeat for 120s)"), takeOver.out);
        assertFalse(Files.exists(out.resolve("lock")), "released at the end");
    }

    @Test
    void dryRunPrintsTheTrialsAndWritesNothing() {
        Path space = space("{\"params\": {\"x\": \"[1,2,3]\", \"y\": \"[a,b]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}");
        Path out = tmp.resolve("dry");
        Run run = tune("run", "--space", space.toString(), "--out", out.toString(), "--dry-run");
        assertEquals(0, run.exit, run.err);
        assertTrue(run.out.contains("6 trials, grid search"), run.out);
        assertTrue(run.out.contains("trial 5: x=3 y=b"), run.out);
        assertFalse(Files.exists(out));
    }

    @Test
    void dryRunWithoutSeedShowsTheTrialsThatItsSeedRuns() {
        Path space = space("{\"params\": {\"x\": \"uniform[0:1]\"}, \"searcher\": \"random\", \"budget\": {\"maxTrials\": 3},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}");
        Run preview = tune("run", "--space", space.toString(), "--out", tmp.resolve("unused").toString(), "--dry-run");
        assertEquals(0, preview.exit, preview.err);
        java.util.regex.Matcher drawn = java.util.regex.Pattern.compile("add --seed (\\d+) to run these trials").matcher(preview.out);
        assertTrue(drawn.find(), preview.out);

        String out = tmp.resolve("seeded").toString();
        assertEquals(0, tune("run", "--space", space.toString(), "--out", out, "--seed", drawn.group(1)).exit);
        Run resumed = tune("run", "--space", space.toString(), "--out", out, "--dry-run");
        assertTrue(resumed.out.contains("seed " + drawn.group(1) + " (the sweep's in --out"), resumed.out);
        assertEquals(trialLines(preview.out), trialLines(resumed.out), "the preview without --seed shows the trials its seed runs");
        Run compare = tune("compare", "--out", out, "--columns", "params");
        java.util.Map<String, Double> ran = new java.util.HashMap<>();
        compare.out.lines().skip(1).forEach(row -> ran.put(row.split("\\s+")[0], Double.parseDouble(row.split("\\s+")[1])));
        for (String line : trialLines(preview.out)) {
            String id = line.replaceFirst("  trial (\\d+):.*", "$1");
            double x = Double.parseDouble(line.replaceFirst(".*x=", ""));
            assertEquals(x, ran.get(id), 1e-6, "trial " + id + " as previewed: " + compare.out);
        }
    }

    private static java.util.List<String> trialLines(String out) {
        return out.lines().filter(l -> l.startsWith("  trial ")).toList();
    }

    @Test
    void compareBestAndStatusReadAFinishedSweep() throws Exception {
        Path space = space("{\"params\": {\"x\": \"[-0.3,0.5,1.5]\", \"noise\": 0}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}");
        String out = tmp.resolve("done").toString();
        assertEquals(0, tune("--space", space.toString(), "--out", out).exit);

        Path csv = tmp.resolve("top.csv");
        Run compare = tune("compare", "--out", out, "--top", "2", "--csv", csv.toString());
        assertEquals(0, compare.exit, compare.err);
        String[] lines = compare.out.split("\n");
        assertEquals(3, lines.length, compare.out);
        assertTrue(lines[0].startsWith("trial  status     loss"), lines[0]);
        assertTrue(lines[1].startsWith("0      completed  -0.9"), lines[1]);
        assertEquals(3, Files.readAllLines(csv).size());

        Run byMax = tune("compare", "--out", out, "--max", "loss", "--top", "1");
        assertTrue(byMax.out.split("\n")[1].startsWith("1 "), byMax.out);

        Run best = tune("best", "--out", out);
        assertEquals(0, best.exit);
        assertTrue(best.out.startsWith("trial 0: loss=-0.9"), best.out);
        assertTrue(best.out.contains("  x = -0.3"), best.out);

        Run status = tune("status", "--out", out);
        assertEquals(0, status.exit);
        assertTrue(status.out.contains("trials: 3 done (3 completed, 0 stopped, 0 failed), 0 started without a result yet"), status.out);
        assertTrue(status.out.contains("lock: free"), status.out);
    }

    @Test
    void readingCommandsOnAMissingSweepAreBadInput() {
        Run run = tune("status", "--out", tmp.resolve("nothing").toString());
        assertEquals(2, run.exit);
        assertTrue(run.errLine().endsWith("nothing: no sweep here (no sweep.json)"), run.err);
    }

    /** Data that only the run can find wrong is refused like a bad space file: one line naming the file and the JSON path. */
    @Test
    void aMissingDataFileOfAnXGBoostSweepNamesTheSpaceFileAndTheJsonPath() throws Exception {
        Path space = tmp.resolve("trees.json");
        Files.writeString(space, "{\"params\": {\"eta\": [0.1, 0.3]}, \"trainable\": {\"type\": \"xgboost\", \"data\": {\"dir\": \"" + tmp
                + "\", \"train\": \"nosuch\", \"format\": \"idx\"}}, \"budget\": {\"maxTrials\": 2}}");

        CliRun run = CliRun.tune("run", "--space", space.toString(), "--out", tmp.resolve("sweep").toString());

        run.assertRefusedCleanly("missing data");
        assertEquals(space + ": trainable.data: no IDX file " + tmp.resolve("nosuch-images-idx3-ubyte") + " (or "
                + tmp.resolve("nosuch-images-idx3-ubyte.gz") + ")", run.errLine());
    }

    @Test
    void aRunRefusedForItsDataLeavesNoSweepToRefuseTheCorrectedSpec() throws Exception {
        Path space = tmp.resolve("trees.json");
        String spec = "{\"params\": {\"eta\": [0.1, 0.3]}, \"trainable\": {\"type\": \"xgboost\", \"data\": {\"dir\": \"" + tmp
                + "\", \"train\": \"%s\", \"format\": \"idx\"}}, \"budget\": {\"maxTrials\": 2}}";
        String out = tmp.resolve("sweep").toString();
        Files.writeString(space, spec.formatted("nosuch"));
        assertEquals(2, CliRun.tune("run", "--space", space.toString(), "--out", out).exit());

        Files.writeString(space, spec.formatted("train"));
        CliRun corrected = CliRun.tune("run", "--space", space.toString(), "--out", out, "--dry-run");

        assertEquals(0, corrected.exit(), "the corrected spec in the same --out: " + corrected.err());
    }
}
