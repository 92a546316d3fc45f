package io.sparktune.search;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * The (mu/mu_w, lambda) covariance matrix adaptation evolution strategy in the unit cube (Hansen's
 * 2016 tutorial, "The CMA Evolution Strategy"), with IPOP restarts (Auger and Hansen 2005): when a
 * run has converged or stalled it starts again from a random mean with twice the population.
 *
 * <p>{@link #tell} takes the points that were actually evaluated, which may come from an older
 * distribution (parallel trials) or have been clipped to the box; like injected solutions (Hansen
 * 2011) each step is shortened to a Mahalanobis length of at most sqrt(d) + 2d/(d+2), so a stray
 * point cannot throw the mean or the covariance off.
 *
 * <p>Discrete coordinates keep a minimum standard deviation of a third of one level's width, a
 * simplified form of CMA-ES with margin (Hamano et al. 2022): without it the distribution collapses
 * onto one integer or category and never tries its neighbours again.
 */
final class CmaEvolutionStrategy {
    static final double INITIAL_SIGMA = 0.2;
    private static final double MAX_CONDITION = 1e14;
    private static final double MIN_STEP = 1e-12;
    private static final double FLAT = 1e-12;
    private static final int RESAMPLES = 100;

    private final int n;
    private final int baseLambda;
    private final double[] minStd;
    private final long seed;
    private final double chiN;

    private int restarts;
    private int lambda;
    private int mu;
    private double[] weights;
    private double muEff;
    private double cSigma;
    private double dSigma;
    private double cc;
    private double c1;
    private double cMu;

    private double[] mean;
    private double sigma;
    private double[][] c;
    private double[][] b;
    private double[] d;
    private double[] pSigma;
    private double[] pc;
    private int generation;
    private final Deque<Double> recentBest = new ArrayDeque<>();

    /**
     * @param minStd per coordinate, the smallest standard deviation the distribution may have there
     *               (0 for continuous coordinates)
     * @param seed   chooses the mean of every restart
     */
    CmaEvolutionStrategy(double[] minStd, long seed) {
        this.n = minStd.length;
        this.minStd = minStd.clone();
        this.seed = seed;
        this.baseLambda = 4 + (int) Math.floor(3 * Math.log(n));
        this.chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        double[] centre = new double[n];
        Arrays.fill(centre, 0.5);
        start(centre);
    }

    /** Trials that one generation tells at once. */
    int lambda() {
        return lambda;
    }

    int restarts() {
        return restarts;
    }

    double sigma() {
        return sigma;
    }

    double[] mean() {
        return mean.clone();
    }

    private void start(double[] newMean) {
        lambda = baseLambda << restarts;
        mu = lambda / 2;
        weights = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            sum += weights[i];
        }
        double squares = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] /= sum;
            squares += weights[i] * weights[i];
        }
        muEff = 1 / squares;
        cSigma = (muEff + 2) / (n + muEff + 5);
        dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
        cMu = Math.min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
        mean = newMean;
        sigma = INITIAL_SIGMA;
        c = new double[n][n];
        b = new double[n][n];
        d = new double[n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1;
            b[i][i] = 1;
            d[i] = 1;
        }
        pSigma = new double[n];
        pc = new double[n];
        generation = 0;
        recentBest.clear();
        applyFloor();
    }

    /** A point of the current distribution inside the cube: resampled while outside, clipped after that. */
    double[] sample(SplittableRandom random) {
        double[] x = new double[n];
        for (int attempt = 0; attempt < RESAMPLES; attempt++) {
            draw(random, x);
            if (inside(x)) {
                return x;
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] = Math.min(1, Math.max(0, x[i]));
        }
        return x;
    }

    private void draw(SplittableRandom random, double[] x) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = d[i] * random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            double step = 0;
            for (int j = 0; j < n; j++) {
                step += b[i][j] * z[j];
            }
            x[i] = mean[i] + sigma * step;
        }
    }

    private static boolean inside(double[] x) {
        for (double v : x) {
            if (v < 0 || v > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * One generation's update from {@code points} (lambda of them, NaN coordinates read as the mean's)
     * and their losses; restarts when the run has converged or stalled.
     */
    void tell(double[][] points, double[] losses) {
        Integer[] order = new Integer[points.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(losses[p], losses[q]));
        double maxLength = Math.sqrt(n) + 2.0 * n / (n + 2);
        double[][] steps = new double[mu][];
        double[] stepW = new double[n];
        double[] whitenedW = new double[n];
        for (int k = 0; k < mu; k++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double x = points[order[k]][i];
                y[i] = Double.isNaN(x) ? 0 : (x - mean[i]) / sigma;
            }
            double[] whitened = whiten(y);
            double length = norm(whitened);
            if (length > maxLength) {
                double shrink = maxLength / length;
                for (int i = 0; i < n; i++) {
                    y[i] *= shrink;
                    whitened[i] *= shrink;
                }
            }
            steps[k] = y;
            for (int i = 0; i < n; i++) {
                stepW[i] += weights[k] * y[i];
                whitenedW[i] += weights[k] * whitened[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] += sigma * stepW[i];
        }
        double sigmaRate = Math.sqrt(cSigma * (2 - cSigma) * muEff);
        for (int i = 0; i < n; i++) {
            pSigma[i] = (1 - cSigma) * pSigma[i] + sigmaRate * whitenedW[i];
        }
        generation++;
        double pSigmaNorm = norm(pSigma);
        boolean hSigma = pSigmaNorm / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * generation)) < (1.4 + 2.0 / (n + 1)) * chiN;
        double cRate = Math.sqrt(cc * (2 - cc) * muEff);
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - cc) * pc[i] + (hSigma ? cRate * stepW[i] : 0);
        }
        double delta = hSigma ? 0 : cc * (2 - cc);
        double keep = 1 + c1 * delta - c1 - cMu;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double rankMu = 0;
                for (int k = 0; k < mu; k++) {
                    rankMu += weights[k] * steps[k][i] * steps[k][j];
                }
                double value = keep * c[i][j] + c1 * pc[i] * pc[j] + cMu * rankMu;
                c[i][j] = value;
                c[j][i] = value;
            }
        }
        sigma = Math.min(1, sigma * Math.exp(cSigma / dSigma * (pSigmaNorm / chiN - 1)));
        applyFloor();
        if (finished(losses[order[0]], losses[order[order.length - 1]])) {
            restarts++;
            SplittableRandom random = new SplittableRandom(seed + 0x632BE59BD9B4E019L * restarts);
            double[] newMean = new double[n];
            for (int i = 0; i < n; i++) {
                newMean[i] = random.nextDouble();
            }
            start(newMean);
        }
    }

    /** Raises the variance of discrete coordinates to their floor, then refreshes B and D. */
    private void applyFloor() {
        for (int i = 0; i < n; i++) {
            double floor = minStd[i] / sigma;
            if (c[i][i] < floor * floor) {
                c[i][i] = floor * floor;
            }
        }
        RealMatrix matrix = MatrixUtils.createRealMatrix(c);
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(matrix);
        double[] values = eigen.getEigenvalues();
        RealMatrix vectors = eigen.getV();
        for (int j = 0; j < n; j++) {
            d[j] = Math.sqrt(Math.max(values[j], 1e-300));
            for (int i = 0; i < n; i++) {
                b[i][j] = vectors.getEntry(i, j);
            }
        }
    }

    /** C^(-1/2) y = B D^-1 B^T y. */
    private double[] whiten(double[] y) {
        double[] projected = new double[n];
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += b[i][j] * y[i];
            }
            projected[j] = sum / d[j];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += b[i][j] * projected[j];
            }
            out[i] = sum;
        }
        return out;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /**
     * Hansen's stopping rules that make IPOP restart: steps below 1e-12 of the cube on every axis,
     * a condition number above 1e14, or the generation's losses and the best loss of the last
     * 10 + 30d/lambda generations all within 1e-12 (relative) of each other.
     */
    private boolean finished(double best, double worst) {
        double widest = 0;
        for (int i = 0; i < n; i++) {
            widest = Math.max(widest, sigma * Math.sqrt(c[i][i]));
        }
        double dMax = Arrays.stream(d).max().orElse(1);
        double dMin = Arrays.stream(d).min().orElse(1);
        int window = 10 + (int) Math.ceil(30.0 * n / lambda);
        recentBest.addLast(best);
        if (recentBest.size() > window) {
            recentBest.removeFirst();
        }
        double scale = Math.max(1e-300, Math.abs(best));
        boolean flat = recentBest.size() == window && worst - best <= FLAT * scale
                && recentBest.stream().mapToDouble(v -> v).max().getAsDouble()
                        - recentBest.stream().mapToDouble(v -> v).min().getAsDouble() <= FLAT * scale;
        return widest < MIN_STEP || dMax * dMax > MAX_CONDITION * dMin * dMin || flat;
    }
}
