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
        double[] sorted = sortedBests(cube, stepped, 100, 1, 10);
        double median = (sorted[4] + sorted[5]) / 2;
        assertTrue(median <= -3.15, "tpe's median best step of stepped hartmann6 after 100 trials: expected at most -3.15, got "
                + median + " from " + Arrays.toString(sorted));
    }

    @Test
    void whileTrialsRunCandidatesCombineTheCoordinatesOfDifferentGoodTrials() {
        // An ellipsoid in 8 dimensions at parallelism 8, 160 trials. Candidates near single good
        // trials (the mixture of products, kept for sequential runs) left a median best of 197 over
        // these seeds; taking each coordinate from its own good trial while trials run, 75.
        Space cube = new Space(IntStream.range(0, 8).mapToObj(i -> new Parameter("x" + i, new Uniform(0, 1))).toList());
        ToDoubleFunction<Config> ellipsoid = c -> IntStream.range(0, 8)
                .mapToDouble(i -> Math.pow(10, 6.0 * i / 7) * Math.pow(c.getDouble("x" + i) - 0.3, 2)).sum();
        double[] sorted = sortedBests(cube, ellipsoid, 160, 8, 9);
        assertTrue(sorted[4] < 120, "tpe's median best on an 8-dimensional ellipsoid at parallelism 8: expected below 120, got "
                + sorted[4] + " from " + Arrays.toString(sorted));
    }

    /** The best losses of tpe's simulated sweeps with seeds 1000 and on, in increasing order. */
    private static double[] sortedBests(Space space, ToDoubleFunction<Config> loss, int trials, int parallelism, int seeds) {
        double[] best = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            Searcher tpe = SearcherSpec.TpeOptions.DEFAULTS.create(space, 1000 + s);
            best[s] = new SweepSimulation(tpe, loss).run(trials, parallelism, 1000 + s);
        }
        Arrays.sort(best);
        return best;
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
        // The rule above through suggest, with seven trials running: the bowl's two worst trials
        // given one loss (a tenth of the trials tied, both in the bad group) against the bowl as it
        // is. Without the rule the exponent is 1.9 against 2, and the suggestions differ on 0 of 10
        // seeds; with it, 1 against 2, and they differ on 10 of 10.
        Space cube = new Space(List.of(new Parameter("x", new Uniform(0, 1)), new Parameter("y", new Uniform(0, 1))));
        int widened = 0;
        for (long seed = 0; seed < 10; seed++) {
            Config onTheBowl = SearcherSpec.TpeOptions.DEFAULTS.create(cube, seed).suggest(1, withSevenRunning(bowl(cube))).get(0);
            Config withATie = SearcherSpec.TpeOptions.DEFAULTS.create(cube, seed).suggest(1, withSevenRunning(Histories.worstTwoTied(bowl(cube)))).get(0);
            if (!onTheBowl.equals(withATie)) {
                widened++;
            }
        }
        assertTrue(widened >= 5, "seeds whose suggestion changed when two of the worst trials tied: " + widened + " of 10");
    }

    /** The history with seven more trials started far from the bowl's centre and still running. */
    private static History withSevenRunning(History history) {
        for (int i = 0; i < 7; i++) {
            history.started(20 + i, Config.of(Map.of("x", 0.9, "y", 0.1 * i)), true);
        }
        return history;
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
        // close together; with seven trials in flight a suggestion draws 24 / sqrt(8), 8 candidates, as
        // many as a searcher of 11 candidates draws with one in flight (11 / sqrt(2)).
        Space cube = new Space(List.of(new Parameter("x", new Uniform(0, 1)), new Parameter("y", new Uniform(0, 1))));
        int changedByTheCount = 0;
        for (long seed = 0; seed < 10; seed++) {
            Config whileSevenRun = SearcherSpec.TpeOptions.DEFAULTS.create(cube, seed).suggest(1, bowlWithRunning(cube, 7)).get(0);
            Config elevenWhileOneRuns = new TreeParzenSearcher(cube, seed, TreeParzenSearcher.DEFAULT_STARTUP, 11, TreeParzenSearcher.DEFAULT_PRIOR_WEIGHT)
                    .suggest(1, bowlWithRunning(cube, 1)).get(0);
            Config whileOneRuns = SearcherSpec.TpeOptions.DEFAULTS.create(cube, seed).suggest(1, bowlWithRunning(cube, 1)).get(0);
            assertEquals(elevenWhileOneRuns, whileSevenRun, "seed " + seed + ": with seven trials running, the suggestion of 8 candidates");
            if (!whileOneRuns.equals(whileSevenRun)) {
                changedByTheCount++;
            }
        }
        // The best of 17 draws (one running) is among the first 8 about half the time.
        assertTrue(changedByTheCount >= 3, "one trial running and seven gave different suggestions on " + changedByTheCount + " of 10 seeds");
    }

    /** {@link #bowl}, then seven trials started far from its centre, the last {@code running} of them still running, the others failed. */
    private static History bowlWithRunning(Space cube, int running) {
        History history = bowl(cube);
        for (int i = 0; i < 7; i++) {
            history.started(20 + i, Config.of(Map.of("x", 0.9, "y", 0.1 * i)), true);
            if (i < 7 - running) {
                history.finished(20 + i);
            }
        }
        return history;
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
        return Histories.of(bowl(cube).observations().stream()
                .map(o -> new Observation(o.trialId(), o.config(), Math.ceil(o.loss() / 0.02) * 0.02, TrialStatus.COMPLETED, 1))
                .toList());
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
