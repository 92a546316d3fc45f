package io.sparktune.search;

import io.sparktune.pareto.Hypervolume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Expected hypervolume improvement by Monte Carlo: the mean, over fixed standard normal draws, of how
 * much the volume that {@code front} dominates grows when a posterior draw of a new point's losses
 * joins it. The objectives' posteriors are independent, as their models are. Reusing the same draws
 * for every candidate (common random numbers, as BoTorch's fixed base samples) makes the estimate a
 * smooth function of the candidate, so the acquisition search can compare close points.
 *
 * <p>With two objectives each draw's improvement is read off the front's {@link Staircase}, with three
 * it is swept along the third loss over the front sorted once ({@link LayeredStaircase}); with more it
 * is a hypervolume of the front raised to the draw. Either of the last two is skipped when a front
 * point already dominates the draw, as it does for most draws at most candidates.
 */
final class HypervolumeImprovement {
    static final int DRAWS = 32;

    private final List<double[]> front;
    private final double[] reference;
    private final double[][] draws;
    private final Staircase staircase;
    private final LayeredStaircase layered;

    HypervolumeImprovement(List<double[]> front, double[] reference, SplittableRandom random) {
        // In the order of the last loss, the one Hypervolume sweeps along, so that raising the front
        // to a draw leaves it sorted, which LayeredStaircase relies on.
        this.front = front.stream().sorted(Comparator.comparingDouble(p -> p[p.length - 1])).toList();
        this.reference = reference;
        this.staircase = reference.length == 2 ? new Staircase(this.front, reference) : null;
        this.layered = reference.length == 3 ? new LayeredStaircase(this.front, reference) : null;
        this.draws = new double[DRAWS][reference.length];
        for (double[] draw : draws) {
            for (int j = 0; j < draw.length; j++) {
                draw[j] = random.nextGaussian();
            }
        }
    }

    /** The expected improvement of a point whose losses have these posterior means and standard deviations. */
    double expected(double[] mean, double[] sd) {
        double sum = 0;
        double[] y = new double[mean.length];
        for (double[] draw : draws) {
            for (int j = 0; j < y.length; j++) {
                y[j] = mean[j] + sd[j] * draw[j];
            }
            sum += of(y);
        }
        return sum / DRAWS;
    }

    /** How much {@code y} adds to the hypervolume the front dominates. */
    double of(double[] y) {
        if (staircase != null) {
            return staircase.improvement(y);
        }
        return layered != null ? layered.improvement(y) : raised(y);
    }

    /**
     * The box between y and the reference point, less the part of that box the front already
     * dominates, which is the hypervolume of the front's points raised to y.
     */
    double raised(double[] y) {
        double box = 1;
        for (int j = 0; j < y.length; j++) {
            if (!(y[j] < reference[j])) {
                return 0;
            }
            box *= reference[j] - y[j];
        }
        for (double[] p : front) {
            if (weaklyDominates(p, y)) {
                return 0;
            }
        }
        List<double[]> raised = new ArrayList<>(front.size());
        for (double[] p : front) {
            double[] r = new double[y.length];
            for (int j = 0; j < y.length; j++) {
                r[j] = Math.max(p[j], y[j]);
            }
            raised.add(r);
        }
        return Math.max(0, box - Hypervolume.of(raised, reference));
    }

    private static boolean weaklyDominates(double[] p, double[] y) {
        for (int j = 0; j < y.length; j++) {
            if (p[j] > y[j]) {
                return false;
            }
        }
        return true;
    }
}
