package io.sparktune.search;

import io.sparktune.core.Config;
import org.hipparchus.random.SobolSequenceGenerator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Finds a high point of an acquisition function over a mixed space: a randomly shifted Sobol set and
 * perturbations of the best points seen so far, then a few steps of local search from the best of
 * those (see {@link Perturbation}). Or the same inside a box: a Sobol set in it, and steps that stay in it.
 */
final class AcquisitionSearch {
    private static final int GLOBAL_CANDIDATES = 1024;
    private static final int NEAR_BEST_PER_INCUMBENT = 64;
    private static final int LOCAL_STARTS = 4;
    private static final int LOCAL_ROUNDS = 10;
    private static final int LOCAL_PROPOSALS = 16;
    private static final double LOCAL_STEP = 0.1;
    /** Inside a box, the first local step as a share of the box's width along each coordinate. */
    private static final double BOX_STEP = 0.2;

    private final UnitEncoding encoding;
    private final ToDoubleFunction<double[]> acquisition;
    private final SplittableRandom random;
    private final Perturbation perturbation;

    AcquisitionSearch(UnitEncoding encoding, ToDoubleFunction<double[]> acquisition, SplittableRandom random) {
        this.encoding = encoding;
        this.acquisition = acquisition;
        this.random = random;
        this.perturbation = new Perturbation(encoding);
    }

    private record Scored(double[] point, Config config, double value) {
    }

    /** The best point found whose config is not in {@code taken}, or null when every candidate is. */
    double[] maximise(List<double[]> incumbents, Set<Config> taken) {
        List<Scored> candidates = new ArrayList<>();
        int d = encoding.dimensions();
        if (d <= SobolSearcher.MAX_DIMENSIONS) {
            SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
            double[] shift = uniform();
            for (int i = 0; i < GLOBAL_CANDIDATES; i++) {
                double[] u = sobol.nextVector();
                for (int j = 0; j < d; j++) {
                    u[j] = (u[j] + shift[j]) % 1.0;
                }
                candidates.add(score(u));
            }
        }
        for (double[] incumbent : incumbents) {
            for (int i = 0; i < NEAR_BEST_PER_INCUMBENT; i++) {
                candidates.add(score(perturbation.around(incumbent, i % 2 == 0 ? LOCAL_STEP : LOCAL_STEP / 5, random)));
            }
        }
        return climbFromTheBest(candidates, taken, (point, step) -> perturbation.around(point, step, random), LOCAL_STEP);
    }

    /**
     * The best point found inside the box centre ± halfWidths, clipped to the cube, whose config is
     * not in {@code taken}; null when every candidate is. A box has no width along a categorical
     * coordinate: it keeps the centre's option except with probability 1/d, as in {@link Perturbation}.
     */
    double[] maximiseWithin(double[] centre, double[] halfWidths, Set<Config> taken) {
        int d = encoding.dimensions();
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int j = 0; j < d; j++) {
            // An inactive coordinate that a step activates may take any value.
            boolean inactive = Double.isNaN(centre[j]);
            lower[j] = inactive ? 0 : Math.max(0, centre[j] - halfWidths[j]);
            upper[j] = inactive ? 1 : Math.min(1, centre[j] + halfWidths[j]);
        }
        List<Scored> candidates = new ArrayList<>();
        SobolSequenceGenerator sobol = d <= SobolSearcher.MAX_DIMENSIONS ? new SobolSequenceGenerator(d) : null;
        double[] shift = uniform();
        for (int i = 0; i < GLOBAL_CANDIDATES; i++) {
            double[] u = sobol == null ? uniform() : sobol.nextVector();
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                if (encoding.categorical(j) && !Double.isNaN(centre[j])) {
                    x[j] = Perturbation.option(centre[j], d, random);
                } else {
                    x[j] = Math.min(lower[j] + (upper[j] - lower[j]) * ((u[j] + shift[j]) % 1.0), Math.nextDown(1.0));
                }
            }
            candidates.add(score(x));
        }
        return climbFromTheBest(candidates, taken, (point, step) -> {
            // Perturbation moves the categorical and inactive coordinates (a step of 0 leaves the
            // ordered ones where they are); the ordered ones then step by a share of the box's width.
            double[] moved = perturbation.around(point, 0, random);
            for (int j = 0; j < d; j++) {
                if (!encoding.categorical(j) && !Double.isNaN(point[j])) {
                    double next = point[j] + step * (upper[j] - lower[j]) * random.nextGaussian();
                    moved[j] = Math.min(Math.max(next, lower[j]), Math.min(upper[j], Math.nextDown(1.0)));
                }
            }
            return moved;
        }, BOX_STEP);
    }

    /** A point's random neighbour at a given step size. */
    private interface Neighbour {
        double[] of(double[] point, double step);
    }

    /** Local search from the best few candidates not taken, keeping the best point it reaches. */
    private double[] climbFromTheBest(List<Scored> candidates, Set<Config> taken, Neighbour neighbour, double firstStep) {
        candidates.sort(Comparator.comparingDouble(Scored::value).reversed());
        Scored best = null;
        int starts = 0;
        for (Scored start : candidates) {
            if (starts == LOCAL_STARTS) {
                break;
            }
            if (taken.contains(start.config())) {
                continue;
            }
            starts++;
            Scored refined = climb(start, taken, neighbour, firstStep);
            if (best == null || refined.value() > best.value()) {
                best = refined;
            }
        }
        return best == null ? null : best.point();
    }

    private Scored climb(Scored start, Set<Config> taken, Neighbour neighbour, double firstStep) {
        Scored current = start;
        double step = firstStep;
        for (int round = 0; round < LOCAL_ROUNDS; round++) {
            Scored bestProposal = null;
            for (int i = 0; i < LOCAL_PROPOSALS; i++) {
                Scored proposal = score(neighbour.of(current.point(), step));
                if (!taken.contains(proposal.config()) && (bestProposal == null || proposal.value() > bestProposal.value())) {
                    bestProposal = proposal;
                }
            }
            if (bestProposal != null && bestProposal.value() > current.value()) {
                current = bestProposal;
            } else {
                step /= 2;
            }
        }
        return current;
    }

    private Scored score(double[] unit) {
        Config config = encoding.decode(unit);
        double[] canonical = encoding.encode(config);
        return new Scored(canonical, config, acquisition.applyAsDouble(canonical));
    }

    private double[] uniform() {
        double[] u = new double[encoding.dimensions()];
        for (int j = 0; j < u.length; j++) {
            u[j] = random.nextDouble();
        }
        return u;
    }
}
