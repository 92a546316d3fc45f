package io.sparktune.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The volume that a set of loss vectors dominates, bounded by a reference point: the measure
 * multi-objective benchmarks compare. Exact, by slicing along the last objective (HSO): each slab
 * between consecutive values is the hypervolume, in one objective fewer, of the points at or below it.
 * Dominated points need no filtering: a slab's volume is that of the union of the boxes below it.
 * That is O(n log n) in 2-D and O(n² log n) in 3-D, ample for sweeps of thousands of trials.
 */
public final class Hypervolume {
    private Hypervolume() {
    }

    /** Points not strictly better than the reference in every objective add nothing. */
    public static double of(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("a point has " + p.length + " objectives, the reference point " + reference.length);
            }
            if (strictlyBelow(p, reference)) {
                inside.add(p);
            }
        }
        return slice(inside, reference, reference.length);
    }

    /**
     * Each point's exclusive contribution: the volume that it alone dominates, which is the
     * hypervolume of all the points less that of all but it (0 for a dominated or repeated point).
     */
    public static double[] contributions(List<double[]> points, double[] reference) {
        double all = of(points, reference);
        double[] contributions = new double[points.size()];
        for (int i = 0; i < contributions.length; i++) {
            List<double[]> others = new ArrayList<>(points);
            others.remove(i);
            contributions[i] = all - of(others, reference);
        }
        return contributions;
    }

    private static boolean strictlyBelow(double[] p, double[] reference) {
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] < reference[i])) {
                return false;
            }
        }
        return true;
    }

    /** The hypervolume in the first {@code dims} objectives of points that all lie below the reference. */
    private static double slice(List<double[]> points, double[] reference, int dims) {
        if (points.isEmpty()) {
            return 0;
        }
        int last = dims - 1;
        if (dims == 1) {
            return reference[0] - points.stream().mapToDouble(p -> p[0]).min().getAsDouble();
        }
        double[][] sorted = points.toArray(double[][]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(p -> p[last]));
        if (dims == 2) {
            double volume = 0;
            double bestX = reference[0];
            for (int i = 0; i < sorted.length; i++) {
                bestX = Math.min(bestX, sorted[i][0]);
                double top = i + 1 < sorted.length ? sorted[i + 1][1] : reference[1];
                volume += (reference[0] - bestX) * (top - sorted[i][1]);
            }
            return volume;
        }
        double volume = 0;
        List<double[]> below = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            below.add(sorted[i]);
            double top = i + 1 < sorted.length ? sorted[i + 1][last] : reference[last];
            if (top > sorted[i][last]) {
                volume += slice(below, reference, last) * (top - sorted[i][last]);
            }
        }
        return volume;
    }
}
