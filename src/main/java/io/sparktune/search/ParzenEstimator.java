package io.sparktune.search;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A mixture with one component per observed point plus a broad prior component, over the unit cube
 * (Optuna's multivariate Parzen estimator). Each component is a product over coordinates: ordered
 * coordinates get a normal kernel truncated to [0, 1]; categorical ones put most weight on the
 * observed option and the rest evenly on all; a coordinate inactive in an observation is uniform in
 * that component, so it neither attracts nor repels. The same kernels also give the product of the
 * coordinates' own mixtures (Optuna's univariate estimators), which tpe uses while trials run.
 *
 * <p>Bandwidths differ per component and coordinate: each kernel is as wide as the larger gap to
 * its neighbours along that coordinate (Optuna's univariate rule, the prior's centre 0.5 counted as
 * a point), clipped to [max(1/100, 1/k^e), 1] for k kernels counting the prior once more, as
 * Optuna counts them, with e between 1 (Optuna's clip) and 2 as the caller chooses. Optuna's
 * multivariate mode instead gives every kernel Scott's width 0.2 n^(-1/(d+4)), which does not
 * shrink where the good trials cluster; with neighbour widths (and Optuna's 1/k clip) the median
 * regret over 40 seeds fell by a factor of 1.6 on branin to 3.2 on rosenbrock4 (docs/searchers.md).
 */
final class ParzenEstimator {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    /**
     * A kernel term of a coordinate's mixture below e^-50 of its weight is skipped. No kernel density
     * exceeds 134 (width 1/100, mass 0.3), so with n trials all such terms together are below
     * 3e-20 (n + 1) of the mixture, which holds the prior's weight, 1/(n + 1) or more. With 10,000
     * trials most kernels are that narrow, and without the skip a suggestion with one trial running
     * took a median of 56 ms, above tpe's bound of 50, against 30 with it (docs/benchmarks.md,
     * "Suggestion time").
     */
    private static final double NEGLIGIBLE_EXPONENT = 50;
    private static final double PRIOR_CENTRE = 0.5;
    /** No kernel is ever narrower than 1/100 of the range. */
    private static final int MAX_CLIP_KERNELS = 100;
    /** At 8.5 standard deviations a normal tail is about 1e-17, below half an ulp of 1. */
    private static final double NEGLIGIBLE_TAIL = 8.5;

    private final UnitEncoding encoding;
    private final double[][] centres;
    private final double[] logWeights;
    private final double[] cumulativeWeights;
    private final double[][] sigmas;
    private final double[][] logNormalisers;
    private final double categoricalSmoothing;

    /**
     * @param points   the observations' canonical unit points
     * @param weights       one weight per observation (the prior gets {@code priorWeight})
     * @param clipExponent  e in the narrowest width 1/k^e, from 1 (Optuna's clip) to 2
     */
    ParzenEstimator(UnitEncoding encoding, List<double[]> points, double[] weights, double priorWeight, double clipExponent) {
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
        Arrays.fill(prior, Double.NaN);
        centres[n] = prior;
        logWeights[n] = Math.log(priorWeight / total);
        this.cumulativeWeights = new double[components];
        double cumulative = 0;
        for (int i = 0; i < components; i++) {
            cumulative += Math.exp(logWeights[i]);
            cumulativeWeights[i] = cumulative;
        }
        this.sigmas = new double[components][d];
        // The magic clip: no kernel narrower than 1/k^e of the range for k kernels (Optuna: e = 1),
        // and never narrower than 1/100, so a few clustered points cannot collapse the search onto
        // them. Optuna's 1/k kept kernels at a fifth of the range while the good group had a few
        // points, too wide to converge within 50 trials: with e = 2 the median regret on branin over
        // 100 seeds went from 0.18 to 0.013, with levy6 and rosenbrock4 a little better and
        // hartmann6 worse (0.084 to 0.19), still at or below Optuna's (docs/searchers.md).
        double kernels = components + 1;
        double floor = Math.max(1.0 / MAX_CLIP_KERNELS, Math.pow(kernels, -clipExponent));
        for (int j = 0; j < d; j++) {
            if (!encoding.categorical(j)) {
                neighbourWidths(j, floor);
            }
        }
        this.categoricalSmoothing = priorWeight / components;
        this.logNormalisers = new double[components][d];
        for (int i = 0; i < components; i++) {
            for (int j = 0; j < d; j++) {
                double c = centres[i][j];
                if (!Double.isNaN(c) && !encoding.categorical(j)) {
                    double sigma = sigmas[i][j];
                    logNormalisers[i][j] = Math.log(sigma * mass(c, sigma)) + LOG_SQRT_2PI;
                }
            }
        }
    }

    /**
     * Widths along ordered coordinate {@code j}: the larger gap to the neighbouring centres in sorted
     * order, the outermost centres taking the gap to their inner neighbour (Optuna's univariate rule
     * with consider_endpoints=False; equal centres are neighbours at distance 0, as in Optuna).
     */
    private void neighbourWidths(int j, double floor) {
        int n = centres.length - 1;
        // One sort of keys that carry the index in their low bits gives the order without a search
        // per centre. Those bits blur the order only among centres within about 2^-32 of each other
        // (a million trials), and such gaps clip to the floor anyway.
        int indexBits = 32 - Integer.numberOfLeadingZeros(n);
        long indexMask = (1L << indexBits) - 1;
        long[] keys = new long[n + 1];
        int active = 0;
        for (int i = 0; i <= n; i++) {
            double c = i == n ? PRIOR_CENTRE : centres[i][j];
            if (!Double.isNaN(c)) {
                // Non-negative doubles order as their bits do.
                keys[active++] = (Double.doubleToRawLongBits(c) & ~indexMask) | i;
            }
        }
        Arrays.sort(keys, 0, active);
        for (int k = 0; k < active; k++) {
            int i = (int) (keys[k] & indexMask);
            if (i == n) {
                continue;
            }
            double c = centres[i][j];
            double left = k > 0 ? c - centreAt(keys[k - 1], indexMask, j) : centreAt(keys[k + 1], indexMask, j) - c;
            double right = k < active - 1 ? centreAt(keys[k + 1], indexMask, j) - c : c - centreAt(keys[k - 1], indexMask, j);
            sigmas[i][j] = Math.min(Math.max(Math.max(left, right), floor), 1.0);
        }
        sigmas[n][j] = 1.0;
    }

    private double centreAt(long key, long indexMask, int j) {
        int i = (int) (key & indexMask);
        return i == centres.length - 1 ? PRIOR_CENTRE : centres[i][j];
    }

    /**
     * The share of a normal kernel inside [0, 1]. Beyond {@link #NEGLIGIBLE_TAIL} widths from both
     * ends the tails are below half an ulp of 1, so the mass is exactly 1 in double arithmetic; with
     * thousands of trials most kernels are that narrow, and they skip their two CDFs.
     */
    private static double mass(double centre, double sigma) {
        if (centre > NEGLIGIBLE_TAIL * sigma && 1 - centre > NEGLIGIBLE_TAIL * sigma) {
            return 1;
        }
        return cdf((1 - centre) / sigma) - cdf(-centre / sigma);
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
        int component = component(random);
        double[] x = new double[centres[component].length];
        for (int j = 0; j < x.length; j++) {
            x[j] = coordinate(component, j, random);
        }
        return x;
    }

    /**
     * A point drawn from the product of the coordinates' own mixtures (see {@link #logMarginalDensity}):
     * each coordinate from a component drawn for it alone, so that a draw can take one good trial's
     * value along one coordinate and another's along the next.
     */
    double[] sampleEachCoordinate(SplittableRandom random) {
        double[] x = new double[centres[0].length];
        for (int j = 0; j < x.length; j++) {
            x[j] = coordinate(component(random), j, random);
        }
        return x;
    }

    /** A component drawn by weight. */
    private int component(SplittableRandom random) {
        // Rounding may leave the last sum a little below 1; a draw above it goes to the prior, the last.
        int found = Arrays.binarySearch(cumulativeWeights, random.nextDouble());
        return Math.min(found < 0 ? -found - 1 : found, centres.length - 1);
    }

    /** Coordinate {@code j} drawn from one component's kernel; uniform where its centre is unknown. */
    private double coordinate(int component, int j, SplittableRandom random) {
        double c = centres[component][j];
        if (Double.isNaN(c)) {
            return random.nextDouble();
        }
        if (encoding.categorical(j)) {
            return random.nextDouble() < categoricalSmoothing ? random.nextDouble() : c;
        }
        double sigma = sigmas[component][j];
        double v;
        do {
            v = c + sigma * random.nextGaussian();
        } while (v < 0 || v >= 1);
        return v;
    }

    /**
     * The log of the product over coordinates of each coordinate's own mixture (Optuna's univariate
     * estimators, one per parameter, sharing the trials' weights and kernels); inactive coordinates of
     * x are left out. A component whose centre is unknown along a coordinate (the prior, a parameter
     * inactive in that trial) is uniform there, so each coordinate's mixture is at least the prior's
     * weight and its log finite.
     */
    double logMarginalDensity(double[] x) {
        // Components outside, coordinates inside: each component's centres and widths are read in
        // order, where a loop per coordinate would stride across every component's arrays.
        double[] density = new double[x.length];
        for (int i = 0; i < centres.length; i++) {
            for (int j = 0; j < x.length; j++) {
                if (Double.isNaN(x[j])) {
                    continue;
                }
                double c = centres[i][j];
                if (encoding.categorical(j) || Double.isNaN(c)) {
                    density[j] += Math.exp(logWeights[i] + logKernel(i, j, x[j]));
                } else {
                    double z = (x[j] - c) / sigmas[i][j];
                    if (0.5 * z * z < NEGLIGIBLE_EXPONENT) {
                        density[j] += Math.exp(logWeights[i] - 0.5 * z * z - logNormalisers[i][j]);
                    }
                }
            }
        }
        double log = 0;
        for (int j = 0; j < x.length; j++) {
            if (!Double.isNaN(x[j])) {
                log += Math.log(density[j]);
            }
        }
        return log;
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
        double log = 0;
        for (int j = 0; j < x.length; j++) {
            if (!Double.isNaN(x[j])) {
                log += logKernel(component, j, x[j]);
            }
        }
        return log;
    }

    /** One component's log kernel along coordinate {@code j}: 0 (uniform) where its centre is unknown. */
    private double logKernel(int component, int j, double v) {
        double c = centres[component][j];
        if (Double.isNaN(c)) {
            return 0;
        }
        if (encoding.categorical(j)) {
            double share = categoricalSmoothing / encoding.levels(j);
            return Math.log(encoding.level(j, c) == encoding.level(j, v) ? 1 - categoricalSmoothing + share : share);
        }
        double z = (v - c) / sigmas[component][j];
        return -(0.5 * z * z + logNormalisers[component][j]);
    }
}
