package io.sparktune.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A three-objective front, for the hypervolume a new point adds: its points inside the reference box,
 * sorted once by the third loss. The improvement of y is its box less the hypervolume of the front
 * raised to y, and raising keeps that order, so each Monte Carlo draw needs no sort: one sweep along
 * the third loss (as {@code Hypervolume}'s in 3-D), with the 2-D staircase in two arrays rather than
 * a map of boxed keys. It does {@code Hypervolume}'s arithmetic in the same order on the same raised
 * points, so it gives {@link HypervolumeImprovement#raised} to the bit: O(n log n) plus the arrays'
 * shifts per draw, against a copy, a sort and a tree per draw.
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
        return Math.max(0, box - raisedVolume(y));
    }

    /** The 3-D hypervolume of the front's points raised to y, by the sweep that {@code Hypervolume} does. */
    private double raisedVolume(double[] y) {
        double[] keys = new double[points.length];
        double[] values = new double[points.length];
        int size = 0;
        double area = 0;
        double volume = 0;
        for (int i = 0; i < points.length; i++) {
            double x = Math.max(points[i][0], y[0]) + 0.0;
            double second = Math.max(points[i][1], y[1]);
            int atOrLeft = upperBound(keys, size, x) - 1;
            if (atOrLeft < 0 || values[atOrLeft] > second) {
                int left = atOrLeft >= 0 && keys[atOrLeft] == x ? atOrLeft - 1 : atOrLeft;
                double height = left >= 0 ? values[left] : reference[1];
                double from = x;
                boolean covered = false;
                int passed = left + 1;
                for (; passed < size; passed++) {
                    area += (keys[passed] - from) * (height - second);
                    if (values[passed] < second) {
                        covered = true;
                        break;
                    }
                    from = keys[passed];
                    height = values[passed];
                }
                if (!covered) {
                    area += (reference[0] - from) * (height - second);
                }
                // The steps from left + 1 up to passed are dominated: the new step takes their place.
                int insert = left + 1;
                System.arraycopy(keys, passed, keys, insert + 1, size - passed);
                System.arraycopy(values, passed, values, insert + 1, size - passed);
                keys[insert] = x;
                values[insert] = second;
                size += 1 - (passed - insert);
            }
            double z = Math.max(points[i][2], y[2]);
            double top = i + 1 < points.length ? Math.max(points[i + 1][2], y[2]) : reference[2];
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
