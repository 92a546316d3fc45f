package io.sparktune.search;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A mixture with one component per observed point plus a broad prior component, over the unit cube
 * (Optuna's multivariate Parzen estimator). Ordered coordinates get a normal kernel truncated to
 * [0, 1]; categorical ones put most weight on the observed option and the rest evenly on all; a
 * coordinate inactive in an observation is uniform in that component, so it neither attracts nor
 * repels.
 */
final class ParzenEstimator {
    /** Optuna's bandwidth scale: Scott's rule, 0.2 n^(-1/(d+4)) times the range. */
    private static final double BANDWIDTH_SCALE = 0.2;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final UnitEncoding encoding;
    private final double[][] centres;
    private final double[] logWeights;
    private final double sigma;
    private final double[][] logNormalisers;
    private final double categoricalSmoothing;

    /**
     * @param points   the observations' canonical unit points
     * @param weights  one weight per observation (the prior gets {@code priorWeight})
     */
    ParzenEstimator(UnitEncoding encoding, List<double[]> points, double[] weights, double priorWeight) {
        this.encoding = encoding;
        int n = points.size();
        int d = encoding.dimensions();
        int components = n + 1;
        this.centres = new double[components][];
        this.logWeights = new double[components];
        double total = priorWeight;
        for (double w : weights) {
            total += w;
        }
        for (int i = 0; i < n; i++) {
            centres[i] = points.get(i);
            logWeights[i] = Math.log(weights[i] / total);
        }
        double[] prior = new double[d];
        java.util.Arrays.fill(prior, Double.NaN);
        centres[n] = prior;
        logWeights[n] = Math.log(priorWeight / total);
        // The magic clip: bandwidth no narrower than the range over the number of kernels (at most
        // 100), so a few clustered points cannot collapse the search onto them.
        double bandwidth = BANDWIDTH_SCALE * Math.pow(Math.max(n, 1), -1.0 / (d + 4));
        double floor = 1.0 / Math.min(100, components);
        this.sigma = Math.min(Math.max(bandwidth, floor), 1.0);
        this.categoricalSmoothing = priorWeight / components;
        this.logNormalisers = new double[components][d];
        for (int i = 0; i < components; i++) {
            for (int j = 0; j < d; j++) {
                double c = centres[i][j];
                if (!Double.isNaN(c) && !encoding.categorical(j)) {
                    double mass = cdf((1 - c) / sigma) - cdf(-c / sigma);
                    logNormalisers[i][j] = Math.log(sigma) + LOG_SQRT_2PI + Math.log(mass);
                }
            }
        }
    }

    /**
     * Standard normal distribution function, Abramowitz and Stegun 26.2.17 (absolute error below
     * 7.5e-8). Every kernel needs two of these per coordinate, and with 10,000 trials Hipparchus'
     * exact erfc took two thirds of a suggestion; the kernels' masses never fall below 0.3, so the
     * error is immaterial.
     */
    private static double cdf(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double tail = Math.exp(-0.5 * z * z - LOG_SQRT_2PI) * poly;
        return z >= 0 ? 1 - tail : tail;
    }

    /** A point drawn from the mixture; coordinates of inactive parameters are uniform. */
    double[] sample(SplittableRandom random) {
        double u = random.nextDouble();
        int component = 0;
        double cumulative = Math.exp(logWeights[0]);
        while (u > cumulative && component < centres.length - 1) {
            cumulative += Math.exp(logWeights[++component]);
        }
        double[] centre = centres[component];
        double[] x = new double[centre.length];
        for (int j = 0; j < x.length; j++) {
            double c = centre[j];
            if (Double.isNaN(c)) {
                x[j] = random.nextDouble();
            } else if (encoding.categorical(j)) {
                x[j] = random.nextDouble() < categoricalSmoothing ? random.nextDouble() : c;
            } else {
                double v;
                do {
                    v = c + sigma * random.nextGaussian();
                } while (v < 0 || v >= 1);
                x[j] = v;
            }
        }
        return x;
    }

    /** Log density at a canonical point; inactive coordinates of x are left out, as in every mixture. */
    double logDensity(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[centres.length];
        for (int i = 0; i < centres.length; i++) {
            terms[i] = logWeights[i] + logKernel(i, x);
            max = Math.max(max, terms[i]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    private double logKernel(int component, double[] x) {
        double[] centre = centres[component];
        double log = 0;
        for (int j = 0; j < x.length; j++) {
            double c = centre[j];
            if (Double.isNaN(x[j]) || Double.isNaN(c)) {
                continue;
            }
            if (encoding.categorical(j)) {
                double share = categoricalSmoothing / encoding.levels(j);
                boolean same = encoding.level(j, c) == encoding.level(j, x[j]);
                log += Math.log(same ? 1 - categoricalSmoothing + share : share);
            } else {
                double z = (x[j] - c) / sigma;
                log -= 0.5 * z * z + logNormalisers[component][j];
            }
        }
        return log;
    }
}
