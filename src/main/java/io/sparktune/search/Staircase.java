package io.sparktune.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A two-objective front as the staircase it draws: its non-dominated points inside the reference box,
 * sorted by the first loss (so the second falls). The hypervolume a new point adds is then the area
 * between its box and the steps above it, found by a binary search and a walk over the steps that
 * lie between the point and the reference: O(log n + steps), with nothing allocated. The general
 * computation raises every front point to the new one and measures a hypervolume, O(n log n) per
 * Monte Carlo draw, which took most of a suggestion's time on the ZDT problems (docs/benchmarks.md).
 */
final class Staircase {
    private final double[] first;
    private final double[] second;
    private final double[] reference;

    Staircase(List<double[]> front, double[] reference) {
        this.reference = reference;
        List<double[]> inside = new ArrayList<>();
        for (double[] p : front) {
            if (p[0] < reference[0] && p[1] < reference[1]) {
                inside.add(p);
            }
        }
        inside.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        List<double[]> steps = new ArrayList<>();
        for (double[] p : inside) {
            if (steps.isEmpty() || p[1] < steps.get(steps.size() - 1)[1]) {
                steps.add(p);
            }
        }
        this.first = steps.stream().mapToDouble(p -> p[0]).toArray();
        this.second = steps.stream().mapToDouble(p -> p[1]).toArray();
    }

    /** The area that y dominates inside the reference box and no step does. */
    double improvement(double[] y) {
        if (!(y[0] < reference[0] && y[1] < reference[1])) {
            return 0;
        }
        int last = lastAtOrLeftOf(y[0]);
        double height = last >= 0 ? second[last] : reference[1];
        if (height <= y[1]) {
            return 0;
        }
        double area = 0;
        double left = y[0];
        for (int j = last + 1; j < first.length; j++) {
            area += (first[j] - left) * (height - y[1]);
            if (second[j] <= y[1]) {
                return area;
            }
            left = first[j];
            height = second[j];
        }
        return area + (reference[0] - left) * (height - y[1]);
    }

    /** The index of the last step whose first loss is at most x, or -1. */
    private int lastAtOrLeftOf(double x) {
        int low = 0;
        int high = first.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (first[middle] <= x) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low - 1;
    }
}
