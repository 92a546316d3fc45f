package io.sparktune.search;

import java.util.SplittableRandom;

/**
 * A random nearby point in a mixed space: ordered coordinates move by a Gaussian step (clamped to
 * the cube), each categorical one is re-drawn with probability 1/d so no option counts as near
 * another, and inactive parameters get a random value in case the move activates them.
 */
final class Perturbation {
    private final UnitEncoding encoding;

    Perturbation(UnitEncoding encoding) {
        this.encoding = encoding;
    }

    double[] around(double[] point, double step, SplittableRandom random) {
        int d = point.length;
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            double u = point[j];
            if (Double.isNaN(u)) {
                out[j] = random.nextDouble();
            } else if (encoding.categorical(j)) {
                out[j] = option(u, d, random);
            } else {
                out[j] = Math.min(Math.max(u + step * random.nextGaussian(), 0), Math.nextDown(1.0));
            }
        }
        return out;
    }

    /** A categorical coordinate u of a point in d dimensions, re-drawn with probability 1/d. */
    static double option(double u, int d, SplittableRandom random) {
        return random.nextDouble() < 1.0 / d ? random.nextDouble() : u;
    }
}
