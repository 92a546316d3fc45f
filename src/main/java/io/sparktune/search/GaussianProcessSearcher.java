package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;
import io.sparktune.core.Trial;
import io.sparktune.space.Space;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Bayesian optimisation with a Gaussian process: a Sobol design for the first trials, then the point
 * that maximises log expected improvement under a Matérn-5/2 model fitted to the losses.
 *
 * <p>Trials that run now (and earlier suggestions of the same call) enter the model as pessimistic
 * kriging believers: observed one posterior standard deviation above their posterior mean. That
 * shrinks the variance around them and lifts the mean a little, so parallel slots spread out instead
 * of all taking the same optimum.
 *
 * <p>With several objectives or constraints the acquisition is expected hypervolume improvement
 * instead, see {@link HypervolumeSearch}.
 *
 * <p>Everything random is seeded from (seed, history): the subsets a large history is fitted and
 * conditioned on from the number of observations, each suggestion from its trial id. Asking for two
 * configs at once therefore gives the same two as asking twice while nothing finishes.
 */
final class GaussianProcessSearcher implements Searcher {
    private static final int INCUMBENTS = 5;
    /**
     * Log offsets, in medians, that the model chooses among (see {@link Targets}): no single offset
     * suited every benchmark problem, so each fit lets the evidence choose. Each offset's fit starts
     * once, from the prior's mode, so a suggestion costs what two starts of one fit did, and more
     * starts measured no better (docs/benchmarks.md, "gp's log offset").
     */
    private static final double[] OFFSETS = {1, 4};
    /**
     * Above this many observations the kernel's hyperparameters are fitted to a subset; see
     * {@link TrainingSet}. The fit is O(n³) per likelihood evaluation, so this bounds what a
     * suggestion costs however long the history (docs/benchmarks.md, "Suggestion time").
     */
    static final int DEFAULT_MAX_POINTS = 256;

    private final Space space;
    private final UnitEncoding encoding;
    private final long seed;
    private final int initial;
    private final TrainingSet trainingSet;
    private final TrainingSet conditioningSet;
    private final SobolSearcher design;
    private final int trustRegionEvery;

    /**
     * @param trustRegionEvery every this many suggestions after the design, one is sought only inside
     *                         a {@link TrustRegion} around the best trial; 0 never
     */
    GaussianProcessSearcher(Space space, long seed, int initial, int maxPoints, int trustRegionEvery) {
        this.space = space;
        this.encoding = new UnitEncoding(space);
        this.seed = seed;
        this.initial = initial;
        this.trainingSet = new TrainingSet(maxPoints);
        this.conditioningSet = new TrainingSet(2 * maxPoints);
        this.design = new SobolSearcher(space, seed);
        this.trustRegionEvery = trustRegionEvery;
    }

    /**
     * The default size of the initial design: 2(d + 1), as in BoTorch's tutorials. Against d + 2 it
     * lowered the median regret on most problems measured and did no worse, within seed noise, on
     * the rest (docs/benchmarks.md, "gp's initial design").
     */
    static int defaultInitial(Space space) {
        return Math.max(5, 2 * (space.dimensions().size() + 1));
    }

    @Override
    public boolean learns() {
        return true;
    }

    @Override
    public List<Config> suggest(int count, History history) {
        List<Observation> observations = history.observations();
        List<Config> pending = new ArrayList<>(history.pending());
        List<Config> out = new ArrayList<>(count);
        GaussianProcess fitted = null;
        HypervolumeSearch pareto = null;
        for (int i = 0; i < count; i++) {
            int trial = history.created() + i;
            Config next;
            // Results carried over from another sweep stand in for design points.
            if (trial + history.imported() < initial || observations.size() < 2) {
                next = design.pointAt(trial);
            } else if (HypervolumeSearch.serves(observations)) {
                if (pareto == null) {
                    pareto = new HypervolumeSearch(encoding, seed, observations, trainingSet.select(observations, subsetRandom(observations)));
                }
                double[] point = pareto.next(pending, trial);
                next = point == null ? design.pointAt(trial) : encoding.decode(point);
            } else {
                if (fitted == null) {
                    fitted = fit(observations);
                }
                next = modelSuggestion(fitted, observations, pending, trial);
            }
            out.add(next);
            pending.add(next);
        }
        return out;
    }

    /**
     * The model of the losses: one fit per log offset in {@link #OFFSETS}, keeping the one under
     * which the losses themselves are most probable.
     *
     * <p>With a large history the hyperparameters come from a subset, but the posterior conditions on
     * twice as many observations: that costs one factorisation and slower predictions, not a whole
     * fit's likelihood evaluations. Fitting and conditioning on one subset lost much of the exact
     * model's regret; conditioning on twice as many won it back (docs/benchmarks.md, "Large histories").
     */
    GaussianProcess fit(List<Observation> observations) {
        List<Observation> chosen = trainingSet.select(observations, subsetRandom(observations));
        double[][] points = encode(chosen);
        GaussianProcess best = null;
        Targets bestTargets = null;
        double bestEvidence = Double.NEGATIVE_INFINITY;
        for (double offset : OFFSETS) {
            Targets targets = new Targets(chosen, offset);
            GaussianProcess model = new KernelFit(encoding, points, targets.values()).fit();
            double evidence = model.logLikelihood() + targets.logJacobian();
            if (best == null || evidence > bestEvidence) {
                best = model;
                bestTargets = targets;
                bestEvidence = evidence;
            }
        }
        List<Observation> conditioned = conditioningSet.select(observations, subsetRandom(observations));
        if (conditioned.size() == chosen.size()) {
            return best;
        }
        return new GaussianProcess(best.kernel(), encode(conditioned), new Targets(conditioned, bestTargets.offsetMedians()).values());
    }

    private SplittableRandom subsetRandom(List<Observation> observations) {
        return new SplittableRandom(Trial.seedFor(seed, -observations.size()));
    }

    private double[][] encode(List<Observation> observations) {
        return observations.stream().map(o -> encoding.encode(o.config())).toArray(double[][]::new);
    }

    /**
     * The lowest posterior mean at an observed point, rather than the lowest observed loss: with a
     * noisy objective the luckiest draw would otherwise set a bar that nothing seems to clear, and EI
     * would chase variance alone. For a repeatable objective the two agree.
     */
    private static double incumbent(GaussianProcess fitted) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] point : fitted.points()) {
            best = Math.min(best, fitted.predict(point)[0]);
        }
        return best;
    }

    private Config modelSuggestion(GaussianProcess fitted, List<Observation> observations,
                                   List<Config> pending, int trial) {
        GaussianProcess model = fitted;
        for (Config config : pending) {
            double[] x = encoding.encode(config);
            // A pending trial that is believed at its mean leaves the mean around it as attractive
            // as before; one standard deviation up also pushes the next slot away, which lowered the
            // regret at parallelism 4 (docs/benchmarks.md, "Parallelism 4").
            double[] prediction = model.predict(x);
            model = model.believing(x, prediction[0] + Math.sqrt(prediction[1]));
        }
        GaussianProcess believer = model;
        double incumbent = incumbent(fitted);
        Set<Config> taken = new HashSet<>(pending);
        observations.forEach(o -> taken.add(o.config()));
        List<double[]> incumbents = observations.stream()
                .sorted(Comparator.comparingDouble(Observation::loss))
                .limit(INCUMBENTS)
                .map(o -> encoding.encode(o.config()))
                .toList();
        SplittableRandom random = new SplittableRandom(Trial.seedFor(seed, trial));
        AcquisitionSearch search = new AcquisitionSearch(encoding, x -> {
            double[] prediction = believer.predict(x);
            return LogExpectedImprovement.of(prediction[0], Math.sqrt(prediction[1]), incumbent);
        }, random);
        double[] point;
        if (trustRegionEvery > 0 && trial % trustRegionEvery == trustRegionEvery - 1) {
            double side = TrustRegion.side(observations, initial, encoding.dimensions());
            point = search.maximiseWithin(incumbents.get(0), TrustRegion.halfWidths(encoding, fitted.kernel().lengthscales(), side), taken);
        } else {
            point = search.maximise(incumbents, taken);
        }
        return point == null ? design.pointAt(trial) : encoding.decode(point);
    }
}
