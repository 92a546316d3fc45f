package io.sparktune.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The volume that a set of loss vectors dominates, bounded by a reference point: the measure
 * multi-objective benchmarks compare. Exact. In 2-D a sort and a walk along the staircase; in 3-D a
 * sweep along the last objective that keeps the staircase of the points seen so far in the first two
 * and its area, updated as each point joins (Beume et al. 2009's HV3D): O(n log n). In 4-D and more
 * it slices along the last objective (HSO): each slab between consecutive values is the hypervolume,
 * in one objective fewer, of the points at or below it. Dominated points need no filtering: a slab's
 * volume is that of the union of the boxes below it.
 */
public final class Hypervolume {
    private static final double[] NO_FLOOR = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};

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
        if (dims == 3) {
            return sweep(sorted, NO_FLOOR, reference);
        }
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

    /**
     * The 3-D volume of points sorted by their third loss, each raised to {@code floor} in every loss
     * (a point of the same order, so the raised points stay sorted), all below the reference once
     * raised. Between consecutive third losses it is the area of the staircase that the points so far
     * draw in the first two, times the slab's depth. The staircase is two arrays, the steps' first
     * losses rising and their second falling; a point joins unless a step already dominates it in the
     * first two losses, and replaces the steps it dominates there, adding the area between its box and
     * the steps it passes over. gp's improvement with three objectives calls this once per Monte Carlo
     * draw, with the front raised to the draw, so nothing here sorts or boxes.
     */
    public static double sweep(double[][] sortedByThird, double[] floor, double[] reference) {
        double[] keys = new double[sortedByThird.length];
        double[] values = new double[sortedByThird.length];
        int size = 0;
        double area = 0;
        double volume = 0;
        for (int i = 0; i < sortedByThird.length; i++) {
            double x = Math.max(sortedByThird[i][0], floor[0]) + 0.0; // + 0.0 turns -0.0 into 0.0, which the search would keep apart
            double y = Math.max(sortedByThird[i][1], floor[1]);
            int atOrLeft = upperBound(keys, size, x) - 1;
            if (atOrLeft < 0 || values[atOrLeft] > y) {
                int left = atOrLeft >= 0 && keys[atOrLeft] == x ? atOrLeft - 1 : atOrLeft;
                double height = left >= 0 ? values[left] : reference[1];
                double from = x;
                boolean covered = false;
                int passed = left + 1;
                for (; passed < size; passed++) {
                    area += (keys[passed] - from) * (height - y);
                    if (values[passed] < y) {
                        covered = true;
                        break;
                    }
                    from = keys[passed];
                    height = values[passed];
                }
                if (!covered) {
                    area += (reference[0] - from) * (height - y);
                }
                // The steps from left + 1 up to passed are dominated: the new step takes their place.
                int insert = left + 1;
                System.arraycopy(keys, passed, keys, insert + 1, size - passed);
                System.arraycopy(values, passed, values, insert + 1, size - passed);
                keys[insert] = x;
                values[insert] = y;
                size += 1 - (passed - insert);
            }
            double z = Math.max(sortedByThird[i][2], floor[2]);
            double top = i + 1 < sortedByThird.length ? Math.max(sortedByThird[i + 1][2], floor[2]) : reference[2];
            volume += area * (top - z);
        }
        return volume;
    }

    /** How many of the first {@code size} keys, which are distinct and rising, are at most x. */
    private static int upperBound(double[] keys, int size, double x) {
        int found = Arrays.binarySearch(keys, 0, size, x);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
