package io.sparktune.engine;

import io.sparktune.api.SweepOutcome;
import io.sparktune.api.ExitCode;
import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import io.sparktune.testing.TestTrainables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sparktune.testing.Spaces.classTrainable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver loop on a real local[2] Spark, with real files. */
class SweepEngineTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    private SweepOutcome run(String json, String out) throws Exception {
        SweepSpec spec = SpecParser.parse("test.json", json, "test", new Overrides());
        return SparkTune.run(spec, new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(console, true), 200));
    }

    private String out(String name) {
        return tmp.resolve(name).toString();
    }

    private void assertEveryTrialRecordedOnce(String name) throws Exception {
        Map<Integer, Integer> perTrial = new SweepFiles(out(name)).resultsPerTrial();
        assertTrue(perTrial.values().stream().allMatch(n -> n == 1), "results per trial: " + perTrial);
    }

    @Test
    void neverRunsMoreTrialsAtOnceThanTheParallelism() throws Exception {
        String json = "{\"params\": {\"sleep\": 0.3, \"x\": \"0:7\"}, \"trainable\": " + classTrainable(TestTrainables.Sleeps.class)
                + ", \"budget\": {\"parallelism\": 2}}";
        SweepOutcome outcome = run(json, out("p2"));
        assertEquals(ExitCode.COMPLETE, outcome.exitCode());
        List<TrialResult> results = new SweepFiles(out("p2")).results();
        assertEquals(8, results.size());
        assertEquals(2, maxOverlap(results), "two trials at a time on local[2] with parallelism 2");

        String serial = json.replace("\"parallelism\": 2", "\"parallelism\": 1");
        run(serial, out("p1"));
        assertEquals(1, maxOverlap(new SweepFiles(out("p1")).results()));
    }

    private static int maxOverlap(List<TrialResult> results) {
        List<long[]> events = new ArrayList<>();
        for (TrialResult r : results) {
            events.add(new long[] {r.startMillis(), 1});
            events.add(new long[] {r.endMillis(), -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int running = 0;
        int max = 0;
        for (long[] e : events) {
            running += (int) e[1];
            max = Math.max(max, running);
        }
        return max;
    }

    @Test
    void aTrialThatThrowsFailsAloneAndKeepsItsError() throws Exception {
        String json = "{\"params\": {\"x\": \"[-2,-1,0,1,2]\"}, \"trainable\": " + classTrainable(TestTrainables.ThrowsWhenNegative.class) + "}";
        SweepOutcome outcome = run(json, out("throws"));
        assertEquals(ExitCode.COMPLETE, outcome.exitCode());
        assertEquals(3, outcome.counts().completed());
        assertEquals(2, outcome.counts().failed());
        SweepFiles files = new SweepFiles(out("throws"));
        TrialResult failed = files.result(0);
        assertEquals(TrialStatus.FAILED, failed.status());
        assertTrue(failed.error().startsWith("IllegalStateException: boom at x=-2.0"), failed.error());
        assertEquals(0.0, outcome.best().metrics().get("loss"));

        var table = TestSpark.session().read().parquet(out("throws") + "/trials.parquet");
        assertEquals(5, table.count());
        assertEquals("bigint", table.schema().apply("x").dataType().simpleString(), "x is a whole-number parameter");
        assertEquals(2, table.filter("status = 'FAILED' and error like 'IllegalStateException: boom%'").count());
    }

    @Test
    void aNanObjectiveIsAFailure() throws Exception {
        String json = "{\"params\": {\"x\": \"[1,2]\"}, \"trainable\": " + classTrainable(TestTrainables.Diverges.class) + "}";
        SweepOutcome outcome = run(json, out("nan"));
        assertEquals(ExitCode.NO_SUCCESS, outcome.exitCode());
        assertEquals("metric 'loss' is NaN", new SweepFiles(out("nan")).result(1).error());
    }

    @Test
    void aTrialPastItsTimeoutFailsAndTheSweepGoesOn() throws Exception {
        String json = "{\"params\": {\"sleep\": \"[0.1, 30]\"}, \"trainable\": " + classTrainable(TestTrainables.Sleeps.class)
                + ", \"budget\": {\"trialTimeout\": \"1s\"}}";
        long start = System.nanoTime();
        SweepOutcome outcome = run(json, out("timeout"));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 15, "the 30 s trial was stopped, took " + seconds + "s");
        assertEquals(1, outcome.counts().completed());
        TrialResult slow = new SweepFiles(out("timeout")).result(1);
        assertEquals(TrialStatus.FAILED, slow.status());
        assertEquals("timed out after 1s", slow.error());
    }

    /** Runs {@code trials} instant trials as sweep {@code name}, checks each ran once, and returns its Spark task count. */
    private int tasksOfInstantSweep(String name, int trials, String budget) throws Exception {
        String json = "{\"params\": {\"x\": \"0:" + (trials - 1) + "\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"},"
                + " \"name\": \"" + name + "\", \"budget\": " + budget + "}";
        TaskCount tasks = TaskCount.of(name);
        SweepOutcome outcome = run(json, out(name));
        assertEquals(trials, outcome.counts().completed());
        Map<Integer, Integer> perTrial = new SweepFiles(out(name)).resultsPerTrial();
        assertEquals(trials, perTrial.size());
        assertTrue(perTrial.values().stream().allMatch(n -> n == 1), "every trial ran once: " + perTrial);
        return tasks.count();
    }

    @Test
    void cheapTrialsPackedIntoTasksAllRunOnce() throws Exception {
        assertEquals(10, tasksOfInstantSweep("packed-by-budget", 100, "{\"trialsPerTask\": 10, \"parallelism\": 2}"), "100 trials, 10 to a task");
    }

    @Test
    void shortTrialsArePackedWithoutBeingAsked() throws Exception {
        int tasks = tasksOfInstantSweep("packed-by-engine", 400, "{\"parallelism\": 2}");
        // One trial to each of the first two tasks (no length known yet), then the rest shared between the two slots.
        assertTrue(tasks <= 8, "400 instant trials took " + tasks + " tasks");
    }

    @Test
    void aFinishedSweepRunAgainStartsNothing() throws Exception {
        String json = "{\"params\": {\"x\": \"[1,2,3]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}";
        run(json, out("again"));
        SweepOutcome again = run(json, out("again"));
        assertEquals(ExitCode.COMPLETE, again.exitCode());
        assertEquals(3, again.counts().done());
        assertEquals(Map.of(0, 1, 1, 1, 2, 1), new SweepFiles(out("again")).startsPerTrial());
    }

    @Test
    void aTimeBudgetEndsTheRunAndTheNextRunFinishesTheSweep() throws Exception {
        String json = "{\"params\": {\"sleep\": 0.4, \"x\": \"0:11\"}, \"trainable\": " + classTrainable(TestTrainables.Sleeps.class)
                + ", \"budget\": {\"parallelism\": 2, \"timeBudget\": \"1s\"}}";
        SweepOutcome first = run(json, out("budget"));
        assertEquals(ExitCode.OUT_OF_TIME, first.exitCode());
        assertTrue(first.counts().done() < 12, "stopped early: " + first.counts().done());
        SweepOutcome rest = run(json.replace("\"timeBudget\": \"1s\"", "\"timeBudget\": \"5m\""), out("budget"));
        assertEquals(ExitCode.COMPLETE, rest.exitCode());
        assertEquals(12, rest.counts().done());
        assertEveryTrialRecordedOnce("budget");
    }

    @Test
    void aTrialThatCanFinishInsideTheTimeBudgetIsNotCancelled() throws Exception {
        // Trials of 2 s and 3.5 s start together; at 2 s the third (2.5 s) starts, as 2 s + the mean 2 s is inside 6 s.
        // At 3.5 s the mean (2.75 s) would overrun, so the fourth never starts, but the third still ends at 4.5 s.
        String json = "{\"params\": {\"sleep\": \"[2, 3.5, 2.5, 1]\"}, \"trainable\": " + classTrainable(TestTrainables.Sleeps.class)
                + ", \"budget\": {\"parallelism\": 2, \"timeBudget\": \"6s\"}}";
        SweepOutcome first = run(json, out("closing"));
        assertEquals(ExitCode.OUT_OF_TIME, first.exitCode());
        List<Double> completed = new SweepFiles(out("closing")).results().stream()
                .filter(r -> r.status() == TrialStatus.COMPLETED).map(r -> r.config().getDouble("sleep")).sorted().toList();
        assertEquals(List.of(2.0, 2.5, 3.5), completed, "what completed in the first run; console: " + console);
        assertFalse(console.toString().contains("time budget reached: stopping"), "nothing was running at the deadline: " + console);

        SweepOutcome rest = run(json, out("closing"));
        assertEquals(ExitCode.COMPLETE, rest.exitCode());
        assertEquals(4, rest.counts().completed());
        assertEveryTrialRecordedOnce("closing");
    }

    @Test
    void aTrainableTheExecutorsCannotMakeStopsTheRunAndUsesUpNoTrial() throws Exception {
        String json = "{\"params\": {\"x\": \"[1,2]\"}, \"trainable\": " + classTrainable(TestTrainables.MadeOnlyWhenAllowed.class) + "}";
        System.setProperty(TestTrainables.MadeOnlyWhenAllowed.REFUSE, "true");
        try {
            TrialsLostException stopped = assertThrows(TrialsLostException.class, () -> run(json, out("unmade")));
            assertTrue(stopped.getMessage().contains("cannot create trainable"), stopped.getMessage());
        } finally {
            System.clearProperty(TestTrainables.MadeOnlyWhenAllowed.REFUSE);
        }
        SweepFiles lost = new SweepFiles(out("unmade"));
        assertTrue(lost.results().isEmpty(), "no trial was used up: " + lost.results());

        SweepOutcome rerun = run(json, out("unmade"));
        assertEquals(ExitCode.COMPLETE, rerun.exitCode());
        assertEquals(2, rerun.counts().completed());
        assertTrue(new SweepFiles(out("unmade")).results().stream().allMatch(r -> r.attempt() == 2), "both ran again as attempt 2");
    }

    @Test
    void aDifferentSpecOnAnExistingSweepIsRefusedWithTheFirstDifference() throws Exception {
        String json = "{\"params\": {\"x\": \"[1,2]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}";
        run(json, out("differs"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(json.replace("[1,2]", "[1,2,3]"), out("differs")));
        assertTrue(e.getMessage().contains("holds a different sweep (params.x: was \"[1,2]\", now \"[1,2,3]\")"), e.getMessage());
    }
}
