package io.sparktune.schedule;

import io.sparktune.core.Config;
import io.sparktune.core.Constraint;
import io.sparktune.core.Goals;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.space.IntRange;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.store.Checkpoints;
import io.sparktune.store.Lineage;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.Rungs;
import io.sparktune.store.StepBudget;
import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedulers' rules on hand-computed cases, with one objective and with several, with rung records and progress logs in a real directory. */
class SchedulerRulesTest {
    @TempDir
    Path tmp;
    private SweepDirectory dir;
    private Rungs rungs;

    @BeforeEach
    void open() {
        dir = SweepDirectory.at(tmp.toString(), new Configuration());
        rungs = new Rungs(dir);
    }

    private Decision asha(int trialId, long step, double loss, int brackets) {
        // maxSteps 27, grace 1, η = 3: rungs at steps 1, 3 and 9 (bracket 0), 3 and 9 (bracket 1).
        return report(new AshaScheduler(dir, 27, 1, 3, brackets), trialId, step, loss);
    }

    @Test
    void ashaRungsArePowersOfTheReductionFactorBelowMaxSteps() {
        AshaScheduler asha = new AshaScheduler(dir, 27, 1, 3, 2);
        assertEquals(List.of(1L, 3L, 9L), rungSteps(asha, 0));
        assertEquals(List.of(3L, 9L), rungSteps(asha, 1));
    }

    private static List<Long> rungSteps(AshaScheduler asha, int bracket) {
        List<Long> steps = new ArrayList<>();
        for (long s = 1; s <= 27; s++) {
            if (asha.isRung(bracket, s)) {
                steps.add(s);
            }
        }
        return steps;
    }

    @Test
    void ashaKeepsATrialInTheTopThirdOfTheRecordsBeforeItAndStopsOneBelow() throws IOException {
        double[] losses = {5, 3, 8, 1, 9, 4};
        for (int id = 0; id < losses.length; id++) {
            rungs.record(1, id, losses[id]);
        }
        // Trial 6 (loss 2) makes 7 records: the best ⌊7/3⌋ = 2 are 1 (trial 3) and 2 (itself).
        assertEquals(Decision.CONTINUE, asha(6, 1, 2.0, 1));
        // Trial 7 (loss 3.5) makes 8: the best 2 are 1 and 2; it ranks 4th.
        assertEquals(Decision.STOP, asha(7, 1, 3.5, 1));
    }

    @Test
    void ashaLetsTheFirstTrialAtARungGoOnAndIgnoresStepsBetweenRungs() throws IOException {
        assertEquals(Decision.CONTINUE, asha(0, 2, 100.0, 1));
        assertEquals(Decision.CONTINUE, asha(0, 3, 100.0, 1));
        assertEquals(List.of(0), rungs.at(3).stream().map(Rungs.Entry::trialId).toList());
        assertTrue(rungs.at(2).isEmpty(), "step 2 is no rung");
    }

    @Test
    void aRetriedTrialKeepsItsOneRecordAndItsDecision() throws IOException {
        assertEquals(Decision.CONTINUE, asha(0, 1, 5.0, 1));
        for (int id = 1; id <= 3; id++) {
            rungs.record(1, id, id);
        }
        assertEquals(Decision.CONTINUE, asha(0, 1, 4.0, 1), "decided again against the records that were there first");
        assertEquals(4, rungs.at(1).size());
        assertEquals(5.0, rungs.at(1).stream().filter(e -> e.trialId() == 0).findFirst().orElseThrow().loss());
        try (var files = Files.list(tmp.resolve("rungs/1"))) {
            assertEquals(4, files.filter(f -> !f.getFileName().toString().startsWith(".")).count());
        }
    }

    @Test
    void ashaComparesTrialsOfOneBracketOnly() throws IOException {
        rungs.record(3, 0, 1.0);
        rungs.record(3, 2, 2.0);
        // Trial 3 is in bracket 1 (ids take brackets in turn): first of its bracket at step 3.
        assertEquals(Decision.CONTINUE, asha(3, 3, 50.0, 2));
        assertEquals(Decision.CONTINUE, asha(1, 1, 50.0, 2), "step 1 is no rung of bracket 1");
        assertEquals(Decision.STOP, asha(5, 3, 60.0, 2), "second of bracket 1 at step 3, and worse");
    }

    private void progress(int trialId, double... losses) throws IOException {
        ProgressLog log = new ProgressLog(dir, trialId, 0, 0);
        for (int i = 0; i < losses.length; i++) {
            log.add(new ProgressLog.Step(i + 1, i, Map.of("loss", losses[i])));
        }
        log.flush();
    }

    @Test
    void medianStopsATrialWhoseBestIsWorseThanTheMedianOfRunningAverages() throws IOException {
        progress(1, 4, 2, 0);
        progress(2, 6, 6);
        progress(3, 1);
        progress(4, 5, 3, 1);
        // At step 2: trial 1 averages (4+2)/2 = 3, trial 2 6, trial 4 4; trial 3 never reached step 2. Median 4.
        MedianScheduler worse = new MedianScheduler(dir, Goals.of(new Objective("loss", Objective.Mode.MIN)), 2, 3, 0);
        assertEquals(Decision.CONTINUE, report(worse, 0, 1, 9), "step 1 is inside the grace period");
        assertEquals(Decision.STOP, report(worse, 0, 2, 4.5), "best 4.5 > median 4");
        MedianScheduler better = new MedianScheduler(dir, Goals.of(new Objective("loss", Objective.Mode.MIN)), 2, 3, 0);
        report(better, 5, 1, 3.9);
        assertEquals(Decision.CONTINUE, report(better, 5, 2, 5), "best so far 3.9 < median 4");
    }

    @Test
    void medianWaitsForMinSamplesTrialsAtTheStep() {
        assertEquals(Decision.CONTINUE, MedianScheduler.decide(new double[]{100}, points(1, 2), 3));
        assertEquals(Decision.STOP, MedianScheduler.decide(new double[]{100}, points(1, 2, 3), 3));
        assertEquals(Decision.CONTINUE, MedianScheduler.decide(new double[]{2.5}, points(1, 2, 3, 4), 3), "median of four is 2.5");
    }

    @Test
    void hyperbandBracketsFollowTheHyperbandPaper() {
        Brackets b = new Brackets(27, 1, 3);
        assertEquals(27 + 12 + 6 + 4, b.iterationSize());
        assertEquals(List.of(1L, 3L, 9L, 27L), b.rungsOf(0));
        assertEquals(List.of(3L, 9L, 27L), b.rungsOf(27));
        assertEquals(List.of(9L, 27L), b.rungsOf(39));
        assertEquals(List.of(27L), b.rungsOf(45));
        assertEquals(List.of(0, 0, 1, 3, 4), List.of(b.groupOf(0), b.groupOf(26), b.groupOf(27), b.groupOf(48), b.groupOf(49)));
    }

    /** Trials from a fixed list of configs, numbered from 0, as the engine would. */
    private static final class Source implements Rounds.TrialSource {
        final List<Trial> made = new ArrayList<>();

        @Override
        public int created() {
            return made.size();
        }

        @Override
        public List<Trial> suggest(int count) {
            List<Trial> trials = new ArrayList<>();
            for (int i = 0; i < Math.min(count, 4); i++) {
                trials.add(create(Config.of(Map.of("x", 2.0 * (made.size() + 1)))));
            }
            return trials;
        }

        @Override
        public Trial create(Config config) {
            Trial trial = new Trial(made.size(), config, made.size(), 1);
            made.add(trial);
            return trial;
        }
    }

    private static TrialResult paused(Trial trial, long step) {
        return new TrialResult(trial.id(), trial.config(), trial.seed(), TrialStatus.PAUSED, Map.of("loss", 0.0), step, 0, 1, "h", null, 1);
    }

    @Test
    void hyperbandPromotesTheBestThirdOfEachBracketsRungAndStopsTheRest() throws IOException {
        // maxSteps 9, η = 3: bracket 2 has 9 trials at 1, 3, 9 steps; bracket 1 ⌈4.5⌉ = 5 at 3, 9; bracket 0 3 at 9.
        Brackets brackets = new Brackets(9, 1, 3);
        Hyperband hyperband = new Hyperband(dir, brackets, 3);
        List<Trial> trials = new ArrayList<>();
        for (int id = 0; id < 17; id++) {
            trials.add(new Trial(id, Config.of(Map.of("x", (double) id)), id, 1));
        }
        List<TrialResult> paused = new ArrayList<>();
        for (int id = 0; id < 14; id++) {
            long budget = id < 9 ? 1 : 3;
            StepBudget.write(dir, id, budget);
            rungs.record(budget, id, id < 9 ? 9 - id : id - 8);
            paused.add(paused(trials.get(id), budget));
        }
        Round round = hyperband.next(paused, new Source());
        // Bracket 2, losses 9..1 for trials 0..8: the best ⌊9/3⌋ = 3 are trials 6, 7, 8. Bracket 1, losses 1..5 for 9..13: trial 9.
        assertEquals(Set.of(6, 7, 8, 9), round.run().stream().map(Trial::id).collect(Collectors.toSet()));
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 10, 11, 12, 13), round.stopped().stream().map(TrialResult::id).collect(Collectors.toSet()));
        assertTrue(round.stopped().stream().allMatch(r -> r.status() == TrialStatus.STOPPED));
        assertEquals(3, StepBudget.read(dir, 6).getAsLong());
        assertEquals(9, StepBudget.read(dir, 9).getAsLong());
    }

    @Test
    void pbtReplacesTheBottomQuantileWithAPerturbedCloneOfATopTrial() throws IOException {
        Space space = new Space(List.of(new Parameter("x", new Uniform(0, 100))));
        PopulationTraining pbt = new PopulationTraining(dir, 6, 2, 0.25, new Exploration(space, 0, List.of("x")), 7);
        Source source = new Source();
        Round first = pbt.next(List.of(), source);
        assertEquals(4, first.run().size());
        double[] losses = {4, 1, 3, 2};
        List<TrialResult> paused = new ArrayList<>();
        for (Trial t : first.run()) {
            assertEquals(2, StepBudget.read(dir, t.id()).getAsLong());
            rungs.record(2, t.id(), losses[t.id()]);
            paused.add(paused(t, 2));
        }
        new Checkpoints(dir, 1).save(2, out -> out.write(42));
        // ⌈4 × 0.25⌉ = 1: trial 0 (loss 4) makes way for a clone of trial 1 (loss 1, x = 4).
        Round second = pbt.next(paused, source);
        assertEquals(List.of(0), second.stopped().stream().map(TrialResult::id).toList());
        assertEquals(Set.of(1, 2, 3, 4), second.run().stream().map(Trial::id).collect(Collectors.toSet()));
        Trial clone = source.made.get(4);
        double x = clone.config().getDouble("x");
        assertTrue(Math.abs(x - 3.2) < 1e-9 || Math.abs(x - 4.8) < 1e-9, "x = 4 × 0.8 or × 1.2, got " + x);
        assertEquals(List.of(new Lineage(4, 1, 2, Config.of(Map.of("x", 4.0)), clone.config())), Lineage.all(dir));
        assertEquals(2, new Checkpoints(dir, 4).latest().orElseThrow().step(), "the clone continues from trial 1's checkpoint");
        for (int id = 1; id <= 4; id++) {
            assertEquals(4, StepBudget.read(dir, id).getAsLong());
        }
    }

    @Test
    void pbtExplorationResamplesOrScalesEveryParameter() {
        Space space = new Space(List.of(new Parameter("a", new Uniform(0, 10)), new Parameter("b", new Uniform(0, 10))));
        Config around = new Exploration(space, 0, List.of("a", "b")).around(Config.of(Map.of("a", 5.0, "b", 5.0)), new SplittableRandom(1));
        for (String name : List.of("a", "b")) {
            double v = around.getDouble(name);
            assertTrue(Math.abs(v - 4) < 1e-9 || Math.abs(v - 6) < 1e-9, name + " = 5 × 0.8 or × 1.2, got " + v);
        }
    }

    @Test
    void pbtExplorationLeavesParametersOutsideItsMutationsAsTheParentHadThem() {
        Space space = new Space(List.of(new Parameter("lr", new Uniform(0, 10)), new Parameter("layers", new IntRange(1, 8, false))));
        Exploration onlyLr = new Exploration(space, 1.0, List.of("lr"));
        for (int draw = 0; draw < 50; draw++) {
            Config around = onlyLr.around(Config.of(Map.of("lr", 5.0, "layers", 3L)), new SplittableRandom(draw));
            assertEquals(3L, ((Number) around.get("layers")).longValue(), "a clone keeps its parent's architecture");
        }
    }

    @Test
    void pbtMutationsMustNameParametersOfTheSpace() {
        String json = "{\"params\": {\"x\": \"loguniform[1e-4:1e-1]\", \"layers\": \"randint[1:3]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"},"
                + " \"scheduler\": {\"type\": \"pbt\", \"maxSteps\": 9, \"perturbationInterval\": 3, \"mutations\": [\"x\", \"width\"]}}";
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> SpecParser.parse("s.json", json, "s", new Overrides()));
        assertEquals("s.json: scheduler.mutations: 'width' is not a parameter of the space (x, layers)", error.getMessage());
        String notAList = json.replace("[\"x\", \"width\"]", "\"x\"");
        error = assertThrows(InvalidInputException.class, () -> SpecParser.parse("s.json", notAList, "s", new Overrides()));
        assertEquals("s.json: scheduler.mutations: expected a non-empty list of distinct parameter names, got \"x\"", error.getMessage());
    }

    @Test
    void aPausingTrialRecordsItsRungAndPausesAtItsBudgetButNeverAtMaxSteps() throws IOException {
        StepBudget.write(dir, 0, 3);
        PausingScheduler scheduler = new PausingScheduler(dir, 9);
        assertEquals(Decision.CONTINUE, report(scheduler, 0, 2, 7));
        assertEquals(Decision.PAUSE, report(scheduler, 0, 3, 5));
        assertEquals(List.of(5.0), rungs.at(3).stream().map(Rungs.Entry::loss).toList());
        StepBudget.write(dir, 1, 9);
        assertEquals(Decision.CONTINUE, report(new PausingScheduler(dir, 9), 1, 9, 5), "at maxSteps the trial completes");
    }

    // Several objectives (f1, f2 to minimise) and a constraint (size <= 1).
    private static final Goals TWO = new Goals(List.of(new Objective("f1", Objective.Mode.MIN), new Objective("f2", Objective.Mode.MIN)),
            List.of(new Constraint("size", Double.NEGATIVE_INFINITY, 1)));

    private Decision moAsha(int trialId, double f1, double f2, double violation) {
        // maxSteps 27, grace 1, η = 3: step 1 is a rung.
        return new AshaScheduler(dir, 27, 1, 3, 1).onReport(trialId, 1, new double[]{f1, f2}, violation);
    }

    private void recordFront() throws IOException {
        // Front: trials 0 (1, 5), 1 (2, 4), 2 (3, 3); trial 2 dominates 3 (4, 4), and everything dominates 4 (5, 5).
        double[][] points = {{1, 5}, {2, 4}, {3, 3}, {4, 4}, {5, 5}};
        for (int id = 0; id < points.length; id++) {
            rungs.record(1, id, points[id], 0);
        }
    }

    @Test
    void moAshaPromotesTheFrontsLoneliestTrialsAtARung() throws IOException {
        recordFront();
        // Trial 5 (2.5, 2.5) makes 6 records and dominates trial 2: the front is 0, 1, 5; the best ⌊6/3⌋ = 2 are
        // its ends 0 and 5 (infinite crowding distance), ahead of 1 (distance 1.5/1.5 + 2.5/2.5 = 2).
        assertEquals(Decision.CONTINUE, moAsha(5, 2.5, 2.5, 0));
    }

    @Test
    void moAshaStopsATrialOnTheFrontWhenTheFrontsEndsFillThePromotions() throws IOException {
        recordFront();
        moAsha(5, 2.5, 2.5, 0);
        // Trial 6 (1.5, 4.5) joins the front (0, 6, 1, 5), but of 7 records 2 go on: the ends 0 and 5.
        assertEquals(Decision.STOP, moAsha(6, 1.5, 4.5, 0));
    }

    private void recordFrontWithUnevenEnds() throws IOException {
        // Front: trials 0 (1, 4), 1 (1.5, 2) and, once it reports, 2 (4, 1); 4 (4.5, 4.5) is dominated, 3 (5, 5) too.
        // The rung's reference point is its worst losses plus 10% of their range: (5.4, 5.4).
        rungs.record(1, 0, new double[]{1, 4}, 0);
        rungs.record(1, 1, new double[]{1.5, 2}, 0);
        rungs.record(1, 3, new double[]{5, 5}, 0);
        rungs.record(1, 4, new double[]{4.5, 4.5}, 0);
    }

    @Test
    void moAshaPromotesTheFrontsEndThatAddsMoreHypervolumeNotTheLowerTrialId() throws IOException {
        recordFrontWithUnevenEnds();
        // Of 5 records one goes on, and both ends have an infinite crowding distance. Trial 0 alone dominates
        // (1.5 - 1) x (5.4 - 4) = 0.7, trial 2 alone (2 - 1) x (5.4 - 4) = 1.4: trial 2 goes on.
        assertEquals(Decision.CONTINUE, moAsha(2, 4, 1, 0));
    }

    @Test
    void aRungsOrderIsRankThenCrowdingThenHypervolumeContribution() throws IOException {
        recordFrontWithUnevenEnds();
        rungs.record(1, 2, new double[]{4, 1}, 0);
        assertEquals(List.of(2, 0, 1, 4, 3), RungOrder.bestFirst(rungs.at(1)), "ends by contribution, then the interior, then ranks 2 and 3");
    }

    @Test
    void moAshaRanksATrialThatBreaksAConstraintAfterEveryFeasibleOne() throws IOException {
        recordFront();
        rungs.record(1, 5, new double[]{2.5, 2.5}, 0);
        // Trial 6 beats every record in both objectives but its size is 0.5 above the bound.
        assertEquals(Decision.STOP, moAsha(6, 0, 0, 0.5));
        assertEquals(Decision.CONTINUE, moAsha(7, 0, 0, 0), "the same point within the bounds goes on");
    }

    @Test
    void aRungRecordKeepsEveryObjectiveAndTheViolation() throws IOException {
        rungs.record(3, 0, new double[]{0.25, -3}, 0.5);
        Rungs.Entry entry = rungs.at(3).get(0);
        assertArrayEquals(new double[]{0.25, -3}, entry.losses());
        assertEquals(0.5, entry.violation());
    }

    @Test
    void aOneObjectiveRungRecordIsTheBareLossAsSweepsBeforeSeveralObjectivesWroteIt() throws IOException {
        rungs.record(1, 0, 0.25);
        assertEquals("0.25", Files.readString(tmp.resolve("rungs/1/0")));
        // A record as an older SparkTune left it reads back as one objective, within its constraints.
        Files.writeString(tmp.resolve("rungs/1/1"), "1.5\n");
        Rungs.Entry old = rungs.at(1).stream().filter(e -> e.trialId() == 1).findFirst().orElseThrow();
        assertArrayEquals(new double[]{1.5}, old.losses());
        assertEquals(0, old.violation());
    }

    @Test
    void theStepsViolationCountsOnlyTheConstrainedMetricsItReports() {
        assertEquals(0.5, TWO.violationSoFar(Map.of("f1", 1.0, "f2", 1.0, "size", 1.5)));
        assertEquals(0, TWO.violationSoFar(Map.of("f1", 1.0, "f2", 1.0)), "size comes with the final result only");
    }

    private void progressOfTwo(int trialId, double[]... points) throws IOException {
        ProgressLog log = new ProgressLog(dir, trialId, 0, 0);
        for (int i = 0; i < points.length; i++) {
            log.add(new ProgressLog.Step(i + 1, i, Map.of("f1", points[i][0], "f2", points[i][1])));
        }
        log.flush();
    }

    @Test
    void medianStopsATrialWhoseBestPointTheOthersMedianPointDominates() throws IOException {
        progressOfTwo(1, new double[]{2, 2}, new double[]{2, 2});
        progressOfTwo(2, new double[]{4, 1}, new double[]{2, 1});
        progressOfTwo(3, new double[]{1, 4}, new double[]{1, 2});
        // At step 2 the running averages are (2, 2), (3, 1) and (1, 3): the median point is (2, 2).
        MedianScheduler worse = new MedianScheduler(dir, TWO, 2, 3, 0);
        worse.onReport(0, 1, new double[]{2.5, 9}, 0);
        assertEquals(Decision.STOP, worse.onReport(0, 2, new double[]{9, 2.5}, 0), "best so far (2.5, 2.5) is dominated by (2, 2)");
        MedianScheduler traded = new MedianScheduler(dir, TWO, 2, 3, 0);
        assertEquals(Decision.CONTINUE, traded.onReport(4, 2, new double[]{1.5, 3}, 0), "(1.5, 3) is better than (2, 2) in f1");
    }

    @Test
    void theRungOrderThatPbtCutsPutsTheDominatedTrialLast() throws IOException {
        // Population of 4 at step 2, quantile 0.25: one trial goes. Trial 2 (3, 3) is the only one dominated (by 1 (2, 2)).
        double[][] points = {{1, 4}, {2, 2}, {3, 3}, {4, 1}};
        for (int id = 0; id < points.length; id++) {
            rungs.record(2, id, points[id], 0);
        }
        assertEquals(List.of(2), RungOrder.bestFirst(rungs.at(2)).subList(3, 4));
    }

    /** A step of a sweep with one objective and no constraints. */
    static Decision report(Scheduler scheduler, int trialId, long step, double loss) {
        return scheduler.onReport(trialId, step, new double[]{loss}, 0);
    }

    /** One-objective points, one per running average. */
    private static List<double[]> points(double... averages) {
        return java.util.Arrays.stream(averages).mapToObj(a -> new double[]{a}).toList();
    }
}
