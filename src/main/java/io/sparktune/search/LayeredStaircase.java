package io.sparktune.search;

import io.sparktune.pareto.Hypervolume;

import java.util.ArrayList;
import java.util.List;

/**
 * A three-objective front, for the hypervolume a new point adds: its points inside the reference box,
 * sorted once by the third loss. The improvement of y is its box less the hypervolume of the front
 * raised to y, and raising keeps that order, so each Monte Carlo draw needs no copy and no sort: one
 * {@link Hypervolume#sweep} along the third loss with the front raised as it goes. That is the
 * arithmetic {@link Hypervolume#of} does on the same raised points, so it gives
 * {@link HypervolumeImprovement#raised} to the bit.
 */
final class LayeredStaircase {
    private final double[][] points;
    private final double[] reference;

    /** @param front sorted by the third loss, as {@link HypervolumeImprovement} keeps it */
    LayeredStaircase(List<double[]> front, double[] reference) {
        this.reference = reference;
        List<double[]> inside = new ArrayList<>();
        for (double[] p : front) {
            if (p[0] < reference[0] && p[1] < reference[1] && p[2] < reference[2]) {
                inside.add(p);
            }
        }
        this.points = inside.toArray(double[][]::new);
    }

    /** The volume that y dominates inside the reference box and no front point does. */
    double improvement(double[] y) {
        double box = 1;
        for (int j = 0; j < 3; j++) {
            if (!(y[j] < reference[j])) {
                return 0;
            }
            box *= reference[j] - y[j];
        }
        for (double[] p : points) {
            if (p[0] <= y[0] && p[1] <= y[1] && p[2] <= y[2]) {
                return 0;
            }
        }
        return Math.max(0, box - Hypervolume.sweep(points, y, reference));
    }
}
