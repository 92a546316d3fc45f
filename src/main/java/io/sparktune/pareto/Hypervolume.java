package io.sparktune.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
            return sweep(sorted, reference);
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
     * The 3-D volume of points sorted by their third loss: between consecutive third losses it is the
     * area of the staircase that the points so far draw in the first two, times the slab's depth.
     * The staircase maps each step's first loss to its second, which falls as the first rises; a point
     * joins it unless a step already dominates it in the first two losses, and removes the steps it
     * dominates there, adding the area between its box and the steps it passes over.
     */
    private static double sweep(double[][] sorted, double[] reference) {
        TreeMap<Double, Double> staircase = new TreeMap<>();
        double area = 0;
        double volume = 0;
        for (int i = 0; i < sorted.length; i++) {
            double x = sorted[i][0] + 0.0; // + 0.0 turns -0.0 into 0.0, which the map would keep apart
            double y = sorted[i][1];
            Map.Entry<Double, Double> atOrLeft = staircase.floorEntry(x);
            if (atOrLeft == null || atOrLeft.getValue() > y) {
                Map.Entry<Double, Double> left = staircase.lowerEntry(x);
                double height = left != null ? left.getValue() : reference[1];
                double from = x;
                boolean covered = false;
                for (Iterator<Map.Entry<Double, Double>> steps = staircase.tailMap(x, true).entrySet().iterator(); steps.hasNext(); ) {
                    Map.Entry<Double, Double> step = steps.next();
                    area += (step.getKey() - from) * (height - y);
                    if (step.getValue() < y) {
                        covered = true;
                        break;
                    }
                    from = step.getKey();
                    height = step.getValue();
                    steps.remove();
                }
                if (!covered) {
                    area += (reference[0] - from) * (height - y);
                }
                staircase.put(x, y);
            }
            double top = i + 1 < sorted.length ? sorted[i + 1][2] : reference[2];
            volume += area * (top - sorted[i][2]);
        }
        return volume;
    }
}
