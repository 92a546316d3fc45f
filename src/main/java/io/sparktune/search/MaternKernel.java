package io.sparktune.search;

/**
 * Matérn-5/2 covariance with one lengthscale per coordinate (ARD) over mixed coordinates.
 *
 * <p>Ordered coordinates differ by their distance in the unit cube. Categorical coordinates differ
 * by 0 or 1 (same option or not), so the kernel is exchangeable across options rather than treating
 * option 3 as closer to 2 than to 0. A parameter active in one point and inactive in the other
 * differs by 1, as a category of its own; two inactive ones do not differ.
 *
 * <p>Hyperparameters live in log space as one vector: {@code d} log lengthscales, then the log
 * output scale, then the log noise variance (above a floor that keeps the Cholesky factor stable).
 */
final class MaternKernel {
    static final double NOISE_FLOOR = 1e-6;
    private static final double SQRT5 = Math.sqrt(5);

    private final UnitEncoding encoding;
    private final double[] inverseSquaredLengthscales;
    private final double outputscale;
    private final double noise;

    MaternKernel(UnitEncoding encoding, double[] theta) {
        this.encoding = encoding;
        int d = encoding.dimensions();
        this.inverseSquaredLengthscales = new double[d];
        for (int j = 0; j < d; j++) {
            inverseSquaredLengthscales[j] = Math.exp(-2 * theta[j]);
        }
        this.outputscale = Math.exp(theta[d]);
        this.noise = NOISE_FLOOR + Math.exp(theta[d + 1]);
    }

    static int parameterCount(UnitEncoding encoding) {
        return encoding.dimensions() + 2;
    }

    /** Each coordinate's lengthscale, in the unit cube's units. */
    double[] lengthscales() {
        double[] out = new double[inverseSquaredLengthscales.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = 1 / Math.sqrt(inverseSquaredLengthscales[j]);
        }
        return out;
    }

    double outputscale() {
        return outputscale;
    }

    double noise() {
        return noise;
    }

    /** The difference between two points along one coordinate, before scaling. */
    double difference(double[] a, double[] b, int j) {
        boolean aInactive = Double.isNaN(a[j]);
        boolean bInactive = Double.isNaN(b[j]);
        if (aInactive || bInactive) {
            return aInactive == bInactive ? 0 : 1;
        }
        if (encoding.categorical(j)) {
            return encoding.level(j, a[j]) == encoding.level(j, b[j]) ? 0 : 1;
        }
        return a[j] - b[j];
    }

    double squaredDistance(double[] a, double[] b) {
        double r2 = 0;
        for (int j = 0; j < inverseSquaredLengthscales.length; j++) {
            double diff = difference(a, b, j);
            r2 += diff * diff * inverseSquaredLengthscales[j];
        }
        return r2;
    }

    /** Prior covariance of the latent function, without observation noise. */
    double covariance(double[] a, double[] b) {
        return covarianceAt(squaredDistance(a, b));
    }

    double covarianceAt(double r2) {
        double r = Math.sqrt(r2);
        return outputscale * (1 + SQRT5 * r + 5 * r2 / 3) * Math.exp(-SQRT5 * r);
    }

    /**
     * Derivative of the covariance with respect to a log lengthscale, divided by that coordinate's
     * scaled squared difference: the shared factor of every lengthscale's gradient for one pair.
     */
    double lengthscaleFactorAt(double r2) {
        double r = Math.sqrt(r2);
        return outputscale * 5.0 / 3.0 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }

    double inverseSquaredLengthscale(int j) {
        return inverseSquaredLengthscales[j];
    }
}
