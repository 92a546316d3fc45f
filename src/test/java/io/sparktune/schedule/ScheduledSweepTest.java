package io.sparktune.schedule;

import io.sparktune.api.RunOptions;
import io.sparktune.api.BestTrial;
import io.sparktune.api.SparkTune;
import io.sparktune.cli.Main;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.api.ExitCode;
import io.sparktune.api.SweepOutcome;
import io.sparktune.engine.TrialsLostException;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecFlag;
import io.sparktune.spec.SpecParser;
import io.sparktune.store.Lineage;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.Rungs;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import io.sparktune.testing.TestTrainables;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sparktune.testing.Spaces.classTrainable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One sweep per scheduler on a real local[2] Spark, with the function trainable and real files. */
class ScheduledSweepTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    private SweepOutcome run(String out, String trainable, String scheduler, int trials) throws Exception {
        return run(out, trainable, scheduler, trials, "5m");
    }

    private SweepOutcome run(String out, String trainable, String scheduler, int trials, String timeBudget) throws Exception {
        String json = "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\", " + trainable + "},"
                + " \"searcher\": {\"type\": \"random\", \"seed\": 11}, \"scheduler\": " + scheduler + ","
                + " \"budget\": {\"maxTrials\": " + trials + ", \"parallelism\": 2, \"timeBudget\": \"" + timeBudget + "\"}}";
        return SparkTune.run(SpecParser.parse("test.json", json, "test", new Overrides()),
                new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(console, true), 200));
    }

    private static SweepDirectory dir(String out) {
        return SweepDirectory.at(out, new Configuration());
    }

    /** Steps each trial trained, from its progress log: a resumed trial does not train its first steps again. */
    private static int stepsTrained(String out, List<TrialResult> results) throws IOException {
        int total = 0;
        for (TrialResult r : results) {
            total += ProgressLog.read(dir(out), r.id()).size();
        }
        return total;
    }

    @Test
    void ashaStopsTrialsAtRungsByItsRuleAndRecordsEachTrialOncePerRung() throws Exception {
        String out = tmp.resolve("asha").toString();
        SweepOutcome outcome = run(out, "\"steps\": 9", "{\"type\": \"asha\", \"maxSteps\": 9, \"gracePeriod\": 1, \"reductionFactor\": 3}", 12);
        assertEquals(ExitCode.COMPLETE, outcome.exitCode());
        List<TrialResult> results = new SweepFiles(out).results();
        assertEquals(12, results.size());
        assertTrue(outcome.counts().stopped() > 0, "some trials stopped");
        Rungs rungs = new Rungs(dir(out));
        List<Rungs.Entry> first = rungs.at(1);
        assertEquals(12, first.size(), "one record per trial at rung 1");
        for (TrialResult r : results) {
            if (r.status() == TrialStatus.STOPPED) {
                assertTrue(r.steps() == 1 || r.steps() == 3, "trial " + r.id() + " stopped at a rung, not at step " + r.steps());
                List<Rungs.Entry> at = rungs.at(r.steps());
                Rungs.Entry own = at.stream().filter(e -> e.trialId() == r.id()).findFirst().orElseThrow();
                assertEquals(Decision.STOP, AshaScheduler.decide(r.id(), at.stream().filter(e -> e.notAfter(own)).toList(), 3),
                        "trial " + r.id() + " was outside the top third of the records before it");
                assertEquals(own.loss(), r.metrics().get("loss"), 1e-12, "a stopped trial keeps the metrics of its last step");
            } else {
                assertEquals(9, r.steps());
            }
        }
        assertEquals(results.stream().filter(r -> r.steps() >= 3).count(), rungs.at(3).size());
    }

    @Test
    void theBestIsTheBestCompletedTrialEvenWhenAStoppedOneEndedLower() throws Exception {
        String out = tmp.resolve("asha-overfits").toString();
        String json = "{\"params\": {\"x\": \"uniform[0:1]\"}, \"trainable\": " + classTrainable(TestTrainables.Overfits.class) + ","
                + " \"searcher\": {\"type\": \"random\", \"seed\": 5},"
                + " \"scheduler\": {\"type\": \"asha\", \"maxSteps\": 9, \"gracePeriod\": 1, \"reductionFactor\": 3},"
                + " \"budget\": {\"maxTrials\": 12, \"parallelism\": 2}}";
        SweepOutcome outcome = SparkTune.run(SpecParser.parse("test.json", json, "test", new Overrides()),
                new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(console, true), 200));
        assertEquals(ExitCode.COMPLETE, outcome.exitCode());
        List<TrialResult> results = new SweepFiles(out).results();
        TrialResult bestCompleted = results.stream().filter(r -> r.status() == TrialStatus.COMPLETED)
                .min(java.util.Comparator.comparingDouble(r -> r.metrics().get("loss"))).orElseThrow();
        assertTrue(results.stream().anyMatch(r -> r.status() == TrialStatus.STOPPED && r.metrics().get("loss") < bestCompleted.metrics().get("loss")),
                "a stopped trial ended lower than every completed one: the case under test");
        assertEquals(bestCompleted.id(), outcome.best().id());
        BestTrial best = SparkTune.best(out).orElseThrow();
        assertEquals(bestCompleted.id(), best.trialId());
        assertEquals(String.valueOf(bestCompleted.id()), Files.readString(tmp.resolve("asha-overfits/best/model/model.txt")),
                "best/model is the best trial's model");
    }

    @Test
    void rungsThatCannotBeWrittenStopTheRunAndTheTrialsRunOnceTheStoreIsFixed() throws Exception {
        String out = tmp.resolve("asha-store").toString();
        SweepDirectory dir = dir(out);
        // A plain file where the rung folders go: every rung record fails, as on a store that refuses writes.
        dir.writeAtomically(dir.resolve("rungs"), "not a folder");
        TrialsLostException stopped = assertThrows(TrialsLostException.class,
                () -> run(out, "\"steps\": 3", "{\"type\": \"asha\", \"maxSteps\": 3, \"gracePeriod\": 1}", 1));
        assertTrue(stopped.getMessage().startsWith("executors cannot write the sweep directory ("), stopped.getMessage());
        assertTrue(stopped.getMessage().contains("cannot read or record rung 1 of trial 0"), stopped.getMessage());
        assertTrue(stopped.getMessage().endsWith("trial 0 stays unfinished (the journal is consistent: run the same command again to resume)"),
                stopped.getMessage());
        SweepFiles lost = new SweepFiles(out);
        assertTrue(lost.results().isEmpty(), "a store fault is not the trial's: no result recorded " + lost.results());
        assertEquals(Map.of(0, 1), lost.startsPerTrial());

        dir.fs().delete(dir.resolve("rungs"), false);
        SweepOutcome fixed = run(out, "\"steps\": 3", "{\"type\": \"asha\", \"maxSteps\": 3, \"gracePeriod\": 1}", 1);
        assertEquals(ExitCode.COMPLETE, fixed.exitCode());
        TrialResult ran = new SweepFiles(out).result(0);
        assertEquals(TrialStatus.COMPLETED, ran.status());
        assertEquals(2, ran.attempt(), "the rerun is the trial's second attempt");
    }

    @Test
    void medianStopsTrialsWorseThanTheOthersAfterTheGracePeriod() throws Exception {
        String out = tmp.resolve("median").toString();
        SweepOutcome outcome = run(out, "\"steps\": 6, \"stepSeconds\": 0.02", "{\"type\": \"median\", \"gracePeriod\": 2, \"minSamples\": 2}", 10);
        assertEquals(ExitCode.COMPLETE, outcome.exitCode());
        assertTrue(outcome.counts().stopped() > 0, "some trials stopped");
        for (TrialResult r : new SweepFiles(out).results()) {
            assertTrue(r.status() == TrialStatus.COMPLETED ? r.steps() == 6 : r.steps() >= 2 && r.steps() < 6,
                    "trial " + r.id() + " " + r.status() + " after " + r.steps() + " steps");
        }
    }

    @Test
    void hyperbandRunsItsBracketsResumingPromotedTrialsFromTheirCheckpoints() throws Exception {
        String out = tmp.resolve("hyperband").toString();
        // maxSteps 9, η = 3: brackets of 9 trials (rungs 1, 3, 9), 5 (3, 9) and 3 (9): 17 trials.
        SweepOutcome outcome = run(out, "\"steps\": 9, \"checkpoint\": true", "{\"type\": \"hyperband\", \"maxSteps\": 9}", 17);
        assertEquals(ExitCode.COMPLETE, outcome.exitCode());
        assertEquals(1 + 1 + 3, outcome.counts().completed(), "one winner per bracket of several trials, and the 3 of the full bracket");
        assertEquals(17 - 5, outcome.counts().stopped());
        List<TrialResult> results = new SweepFiles(out).results();
        assertTrue(new SweepFiles(out).resultsPerTrial().values().stream().allMatch(n -> n == 1));
        // Bracket 9: 9×1 + 3×2 (steps 2-3) + 1×6 (4-9); bracket 5: 5×3 + 1×6; bracket 3: 3×9.
        assertEquals(9 + 6 + 6 + 15 + 6 + 27, stepsTrained(out, results), "no step trained twice");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), ProgressLog.read(dir(out), winnerOf(results, 0, 9))
                .stream().map(ProgressLog.Step::step).toList());
    }

    @Test
    void aHyperbandSweepCutByItsTimeBudgetKeepsItsRungsAndDecidesAsAnUninterruptedOne() throws Exception {
        String trainable = "\"steps\": 9, \"checkpoint\": true, \"stepSeconds\": 0.1";
        String scheduler = "{\"type\": \"hyperband\", \"maxSteps\": 9}";
        String whole = tmp.resolve("whole").toString();
        run(whole, trainable, scheduler, 17);
        String cut = tmp.resolve("cut").toString();
        assertEquals(ExitCode.OUT_OF_TIME, run(cut, trainable, scheduler, 17, "1500ms").exitCode());
        assertEquals(ExitCode.COMPLETE, run(cut, trainable, scheduler, 17).exitCode());
        assertEquals(statuses(whole), statuses(cut));
        for (long rung : List.of(1L, 3L)) {
            assertEquals(new Rungs(dir(whole)).at(rung).stream().map(e -> e.trialId() + "=" + e.loss()).sorted().toList(),
                    new Rungs(dir(cut)).at(rung).stream().map(e -> e.trialId() + "=" + e.loss()).sorted().toList(),
                    "rung " + rung + ": one record per trial, the same values");
        }
    }

    private static Map<Integer, TrialStatus> statuses(String out) throws IOException {
        Map<Integer, TrialStatus> statuses = new java.util.TreeMap<>();
        new SweepFiles(out).results().forEach(r -> statuses.put(r.id(), r.status()));
        return statuses;
    }

    private static int winnerOf(List<TrialResult> results, int from, int to) {
        return results.stream().filter(r -> r.id() >= from && r.id() < to && r.status() == TrialStatus.COMPLETED)
                .findFirst().orElseThrow().id();
    }

    @Test
    void pbtClonesTheBestTrialsCheckpointIntoTheWorstsPlaceAndStatusShowsTheLineage() throws Exception {
        String out = tmp.resolve("pbt").toString();
        SweepOutcome outcome = run(out, "\"steps\": 6, \"checkpoint\": true",
                "{\"type\": \"pbt\", \"maxSteps\": 6, \"perturbationInterval\": 2, \"quantile\": 0.25}", 4);
        assertEquals(ExitCode.COMPLETE, outcome.exitCode());
        // Rounds end at steps 2 and 4; each time the worst of 4 is replaced by a clone.
        assertEquals(4, outcome.counts().completed());
        assertEquals(2, outcome.counts().stopped());
        List<Lineage> lineage = Lineage.all(dir(out));
        assertEquals(List.of(4, 5), lineage.stream().map(Lineage::trialId).toList());
        assertEquals(List.of(2L, 4L), lineage.stream().map(Lineage::step).toList());
        for (Lineage clone : lineage) {
            assertEquals(clone.step() + 1, ProgressLog.read(dir(out), clone.trialId()).get(0).step(),
                    "clone " + clone.trialId() + " continues from its parent's checkpoint");
        }
        ByteArrayOutputStream status = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"status", "--out", out}, new PrintStream(status, true), System.err));
        String text = status.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("  trial 4 <- trial " + lineage.get(0).parent() + " at step 2: "), text);
        assertTrue(text.contains("trials: 6 done (4 completed, 2 stopped, 0 failed)"), text);
        List<String> progress = console.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("trials ")).toList();
        assertTrue(progress.get(progress.size() - 1).startsWith("trials 6/6 |"), "the clones count in the progress: " + progress);
    }

    @Test
    void theSchedulerFlagReplacesTheSpacesScheduler() throws Exception {
        String json = "{\"params\": {\"x\": \"[0,1]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"},"
                + " \"scheduler\": {\"type\": \"fifo\", \"maxSteps\": 9}}";
        var spec = SpecParser.parse("s.json", json, "s", new Overrides().set(SpecFlag.SCHEDULER, "asha"));
        assertEquals(new SchedulerSpec.AshaOptions(9, 1, 3, 1), spec.scheduler(), "asha with the file's maxSteps and the defaults");
    }
}
