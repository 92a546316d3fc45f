package io.sparktune.pareto;

import java.util.Arrays;
import java.util.List;

/**
 * A reference point for hypervolume taken from the points themselves, when the user gave none: in
 * each objective the worst loss plus a share of the range, as BoTorch's {@code infer_reference_point}
 * does (its default share is 0.1). The margin keeps the worst point of each objective inside, so that
 * it counts; a tiny floor keeps it inside when every point has the same loss there.
 */
public final class ReferencePoint {
    private ReferencePoint() {
    }

    /**
     * Points with a non-finite loss (a diverged trial) are left out, since they would move the point
     * to infinity; when no point is left, the reference is infinite, and nothing has a finite volume.
     */
    public static double[] beyondWorst(List<double[]> points, double margin) {
        double[] reference = new double[points.get(0).length];
        List<double[]> finite = points.stream().filter(p -> Arrays.stream(p).allMatch(Double::isFinite)).toList();
        if (finite.isEmpty()) {
            Arrays.fill(reference, Double.POSITIVE_INFINITY);
            return reference;
        }
        for (int k = 0; k < reference.length; k++) {
            int objective = k;
            double worst = finite.stream().mapToDouble(p -> p[objective]).max().getAsDouble();
            double best = finite.stream().mapToDouble(p -> p[objective]).min().getAsDouble();
            reference[k] = worst + Math.max(margin * (worst - best), 1e-9 * Math.max(1, Math.abs(worst)));
        }
        return reference;
    }
}
