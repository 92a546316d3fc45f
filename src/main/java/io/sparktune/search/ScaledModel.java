package io.sparktune.search;

/**
 * A Gaussian process fitted to values standardised to mean 0 and variance 1, so that one set of
 * kernel priors suits any scale, predicting in the values' own units. Unlike {@link Targets} it
 * takes no log: the hypervolume and the constraints' bounds are measured in those units, and a
 * posterior draw must map back to them linearly.
 */
final class ScaledModel {
    private final GaussianProcess process;
    private final double mean;
    private final double scale;

    private ScaledModel(GaussianProcess process, double mean, double scale) {
        this.process = process;
        this.mean = mean;
        this.scale = scale;
    }

    static ScaledModel fit(UnitEncoding encoding, double[][] points, double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / values.length);
        double scale = sd > 0 ? sd : 1;
        double[] standard = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            standard[i] = (values[i] - mean) / scale;
        }
        return new ScaledModel(new KernelFit(encoding, points, standard).fit(), mean, scale);
    }

    /** Posterior mean and standard deviation at x, in the values' units. */
    double[] predict(double[] x) {
        double[] standard = process.predict(x);
        return new double[] {mean + scale * standard[0], scale * Math.sqrt(standard[1])};
    }

    /** The same model after also seeing {@code value} at {@code x} (see {@link GaussianProcess#believing}). */
    ScaledModel believing(double[] x, double value) {
        return new ScaledModel(process.believing(x, (value - mean) / scale), mean, scale);
    }
}
