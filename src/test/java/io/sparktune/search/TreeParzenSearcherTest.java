package io.sparktune.search;

import io.sparktune.bench.SweepSimulation;
import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialStatus;
import io.sparktune.space.IntRange;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;
import io.sparktune.train.function.BenchmarkFunction;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeParzenSearcherTest {

    @Test
    void convergesOnBraninWithinFiftyTrials() {
        // With Optuna's Scott widths and 1/k clip the median regret over these seeds was about 0.25;
        // kernels that narrow where the good trials cluster bring it near 0.01.
        double[] regrets = new double[5];
        for (int s = 0; s < regrets.length; s++) {
            Searcher tpe = SearcherSpec.TpeOptions.DEFAULTS.create(Spaces.branin(), 1000 + s);
            regrets[s] = new SweepSimulation(tpe, Spaces::braninRegret).run(50, 1, 1000 + s);
        }
        double[] sorted = regrets.clone();
        Arrays.sort(sorted);
        assertTrue(sorted[2] < 0.05, "tpe's median regret on branin after 50 trials: expected below 0.05, got "
                + sorted[2] + " from " + Arrays.toString(regrets));
    }

    @Test
    void leavesAPlateauOfEqualLosses() {
        // As a decision tree cut down to one leaf: the same loss wherever impurity decrease or leaf
        // size is large. Random search leaves the plateau on every one of these seeds within 60
        // trials; tpe stayed on it on seed 1005 before trials tied across its good/bad cut went to
        // the bad group.
        Space tree = new Space(List.of(new Parameter("impurity", new Uniform(0, 0.5)), new Parameter("leaf", new Uniform(0.01, 0.49)),
                new Parameter("depth", new IntRange(1, 15, false))));
        ToDoubleFunction<Config> loss = c -> c.getDouble("impurity") > 0.08 || c.getDouble("leaf") > 0.3 ? 0.921
                : 0.15 + 5 * c.getDouble("impurity") + c.getDouble("leaf") + 0.3 / c.getLong("depth");
        for (long seed = 1000; seed < 1010; seed++) {
            Searcher tpe = SearcherSpec.TpeOptions.DEFAULTS.create(tree, seed);
            double best = new SweepSimulation(tpe, loss).run(60, 1, seed);
            assertTrue(best < 0.921, "seed " + seed + ": tpe's 60 trials never left the plateau");
        }
    }

    @Test
    void findsTheBestStepsOfAResponseMadeOfFlatSteps() {
        // hartmann6 rounded up to steps of 0.1, as an accuracy over a small dataset is: kernels
        // narrower than a step kept resampling the step the first good trials found (median best
        // step -2.95 over these seeds, with the 1/k^2 clip whatever the losses); with Optuna's
        // width once the losses tie, -3.2 (the lowest step is -3.3).
        Space cube = new Space(IntStream.range(0, 6).mapToObj(i -> new Parameter("x" + i, new Uniform(0, 1))).toList());
        ToDoubleFunction<Config> stepped = c -> Math.ceil(BenchmarkFunction.HARTMANN6.evaluate(c, 0) * 10) / 10;
        double[] best = new double[10];
        for (int s = 0; s < best.length; s++) {
            Searcher tpe = SearcherSpec.TpeOptions.DEFAULTS.create(cube, 1000 + s);
            best[s] = new SweepSimulation(tpe, stepped).run(100, 1, 1000 + s);
        }
        double[] sorted = best.clone();
        Arrays.sort(sorted);
        double median = (sorted[4] + sorted[5]) / 2;
        assertTrue(median <= -3.15, "tpe's median best step of stepped hartmann6 after 100 trials: expected at most -3.15, got "
                + median + " from " + Arrays.toString(best));
    }

    @Test
    void tiedResponsesGetOptunasClipWhileTrialsRun() {
        assertEquals(2.0, TreeParzenSearcher.clipExponent(0, 0), "a continuous response, nothing running");
        assertEquals(1.5, TreeParzenSearcher.clipExponent(0.5, 0), "half the trials tied, nothing running");
        assertEquals(2.0, TreeParzenSearcher.clipExponent(0, 7), "a continuous response, seven running");
        assertEquals(1.0, TreeParzenSearcher.clipExponent(0.1, 7), "a tenth of the trials tied, seven running");
    }

    @Test
    void runningTrialsWidenTheKernelsOnATiedResponse() {
        // The rule above through suggest: on a bowl rounded to steps, seven running trials widen the
        // kernels, so the suggestion differs from the one of 8 candidates with nothing running. It
        // equals that one on a response without ties (drawsFewerCandidatesWhileTrialsRun), and here too
        // on all 10 seeds without the rule; with it, on 9 of 10.
        Space cube = new Space(List.of(new Parameter("x", new Uniform(0, 1)), new Parameter("y", new Uniform(0, 1))));
        int widened = 0;
        for (long seed = 0; seed < 10; seed++) {
            History running = steppedBowl(cube);
            History failed = steppedBowl(cube);
            for (int i = 0; i < 7; i++) {
                Config elsewhere = Config.of(Map.of("x", 0.9, "y", 0.1 * i));
                running.started(20 + i, elsewhere, true);
                failed.started(20 + i, elsewhere, true);
                failed.finished(20 + i);
            }
            Config whileSevenRun = SearcherSpec.TpeOptions.DEFAULTS.create(cube, seed).suggest(1, running).get(0);
            Config eightCandidates = new TreeParzenSearcher(cube, seed, TreeParzenSearcher.DEFAULT_STARTUP, 8, TreeParzenSearcher.DEFAULT_PRIOR_WEIGHT).suggest(1, failed).get(0);
            if (!whileSevenRun.equals(eightCandidates)) {
                widened++;
            }
        }
        assertTrue(widened >= 5, "seeds whose suggestion on a tied response changed with seven trials running: " + widened + " of 10");
    }

    @Test
    void runningTrialsDoNotMoveTheModelButAreNotRepeated() {
        // Optuna's default: a running trial is left out of both groups. As the worst result (the
        // constant liar) it pushed parallel slots out of the good region: 83% of the sequential score
        // kept at parallelism 8 against 87% (docs/benchmarks.md, "tpe at parallelism 8").
        Space cube = new Space(List.of(new Parameter("x", new Uniform(0, 1)), new Parameter("y", new Uniform(0, 1))));
        Config nearBest = Config.of(Map.of("x", 0.201, "y", 0.301));
        Config farAway = Config.of(Map.of("x", 0.9, "y", 0.9));
        Config runningNearBest = tpeWithOneRunningTrial(cube, nearBest).get(0);
        assertEquals(tpeWithOneRunningTrial(cube, farAway).get(0), runningNearBest,
                "tpe's suggestion with one trial running near the best and with it running far away");

        // n = 2, beside the best, is where the model points; it runs, so the one fresh config, 3, wins.
        Space small = new Space(List.of(new Parameter("n", new IntRange(1, 4, false))));
        History history = new History();
        int id = 0;
        for (long n : new long[] {1, 4}) {
            Config config = Config.of(Map.of("n", n));
            history.started(id, config, true);
            history.finished(id);
            history.observe(new Observation(id++, config, n, TrialStatus.COMPLETED, 1));
        }
        history.started(id, Config.of(Map.of("n", 2L)), true);
        Searcher tpe = new TreeParzenSearcher(small, 7, 1, 24, 1.0);
        assertEquals(3L, tpe.suggest(1, history).get(0).getLong("n"), "with n = 1 and 4 tried and n = 2 running, the one fresh config");
    }

    @Test
    void drawsFewerCandidatesWhileTrialsRun() {
        // Suggestions made before results come back share one model, and the best of 24 draws put them
        // close together; with seven trials in flight a suggestion draws 24 / sqrt(8), 8 candidates.
        Space cube = new Space(List.of(new Parameter("x", new Uniform(0, 1)), new Parameter("y", new Uniform(0, 1))));
        List<Config> sevenElsewhere = IntStream.range(0, 7).mapToObj(i -> Config.of(Map.of("x", 0.9, "y", 0.1 * i))).toList();
        int changedByTheCount = 0;
        for (long seed = 0; seed < 10; seed++) {
            History running = bowl(cube);
            History failed = bowl(cube);
            for (int i = 0; i < 7; i++) {
                running.started(20 + i, sevenElsewhere.get(i), true);
                failed.started(20 + i, sevenElsewhere.get(i), true);
                failed.finished(20 + i);
            }
            Config whileSevenRun = SearcherSpec.TpeOptions.DEFAULTS.create(cube, seed).suggest(1, running).get(0);
            Config eightCandidates = new TreeParzenSearcher(cube, seed, TreeParzenSearcher.DEFAULT_STARTUP, 8, TreeParzenSearcher.DEFAULT_PRIOR_WEIGHT).suggest(1, failed).get(0);
            Config twentyFourCandidates = SearcherSpec.TpeOptions.DEFAULTS.create(cube, seed).suggest(1, failed).get(0);
            assertEquals(eightCandidates, whileSevenRun, "seed " + seed + ": with seven trials running, the suggestion of 8 candidates");
            if (!twentyFourCandidates.equals(eightCandidates)) {
                changedByTheCount++;
            }
        }
        // The best of 24 draws is among the first 8 a third of the time.
        assertTrue(changedByTheCount >= 3, "24 candidates and 8 gave different suggestions on " + changedByTheCount + " of 10 seeds");
    }

    /** 20 finished trials of a bowl centred at (0.2, 0.3), and trial 20 running at {@code running}. */
    private static List<Config> tpeWithOneRunningTrial(Space cube, Config running) {
        History history = bowl(cube);
        history.started(20, running, true);
        return SearcherSpec.TpeOptions.DEFAULTS.create(cube, 5).suggest(1, history);
    }

    /** 20 finished trials of a bowl centred at (0.2, 0.3). */
    private static History bowl(Space cube) {
        History history = new History();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20; i++) {
            Config config = cube.fromUnit(random.doubles(2).toArray());
            history.started(i, config, true);
            history.finished(i);
            double dx = config.getDouble("x") - 0.2;
            double dy = config.getDouble("y") - 0.3;
            history.observe(new Observation(i, config, dx * dx + dy * dy, TrialStatus.COMPLETED, 1));
        }
        return history;
    }

    /** The 20 trials of {@link #bowl}, their losses rounded up to steps of 0.02, so that many tie. */
    private static History steppedBowl(Space cube) {
        History history = new History();
        for (Observation o : bowl(cube).observations()) {
            history.started(o.trialId(), o.config(), true);
            history.finished(o.trialId());
            history.observe(new Observation(o.trialId(), o.config(), Math.ceil(o.loss() / 0.02) * 0.02, TrialStatus.COMPLETED, 1));
        }
        return history;
    }

    @Test
    void tiedShareCountsTrialsThatShareTheirLossWithAnotherConfig() {
        Config a = Config.of(Map.of("x", 0.1));
        Config b = Config.of(Map.of("x", 0.2));
        Config c = Config.of(Map.of("x", 0.3));
        List<Observation> observations = List.of(new Observation(0, a, 0.5, TrialStatus.COMPLETED, 1),
                new Observation(1, b, 0.5, TrialStatus.COMPLETED, 1), new Observation(2, c, 0.7, TrialStatus.COMPLETED, 1),
                new Observation(3, c, 0.7, TrialStatus.COMPLETED, 1));
        // a and b tie; c's repeat ties only with itself, which any deterministic objective does.
        assertEquals(0.5, TreeParzenSearcher.tiedShare(observations));
    }

    @Test
    void kernelsAreNarrowWhereGoodPointsClusterAndWideWhereTheyAreAlone() {
        UnitEncoding encoding = new UnitEncoding(Spaces.branin());
        List<double[]> points = List.of(new double[] {0.30, 0.5}, new double[] {0.31, 0.5}, new double[] {0.32, 0.5},
                new double[] {0.9, 0.5});
        ParzenEstimator estimator = new ParzenEstimator(encoding, points, new double[] {1, 1, 1, 1}, 1.0, 2);
        double inCluster = estimator.logDensity(new double[] {0.31, 0.5});
        double besideCluster = estimator.logDensity(new double[] {0.37, 0.5});
        double atLonePoint = estimator.logDensity(new double[] {0.9, 0.5});
        double besideLonePoint = estimator.logDensity(new double[] {0.84, 0.5});
        assertTrue(inCluster - besideCluster > 1.0,
                "density should fall steeply 0.06 beside a cluster: log density " + inCluster + " vs " + besideCluster);
        assertTrue(atLonePoint - besideLonePoint < 0.2,
                "density should fall gently 0.06 beside a lone point: log density " + atLonePoint + " vs " + besideLonePoint);
    }
}
