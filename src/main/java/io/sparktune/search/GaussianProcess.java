package io.sparktune.search;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.MatrixUtils;

import java.util.Arrays;

/** The posterior of a zero-mean Gaussian process given points and (standardised) values. */
final class GaussianProcess {
    /** Added to the diagonal, growing tenfold, when rounding makes the covariance lose definiteness. */
    private static final double[] JITTER = {0, 1e-8, 1e-6, 1e-4};

    private final MaternKernel kernel;
    private final double[][] points;
    private final double[] values;
    /** The Cholesky factor's rows as plain arrays: predictions solve against it thousands of times per suggestion. */
    private final double[][] lower;
    private final DecompositionSolver solver;
    private final double[] weights;
    private final double logDeterminant;

    GaussianProcess(MaternKernel kernel, double[][] points, double[] values) {
        this.kernel = kernel;
        this.points = points;
        this.values = values;
        CholeskyDecomposition cholesky = factor(kernel, points);
        this.lower = cholesky.getL().getData();
        this.solver = cholesky.getSolver();
        this.weights = solver.solve(new ArrayRealVector(values, false)).toArray();
        double logDet = 0;
        for (int i = 0; i < points.length; i++) {
            logDet += 2 * Math.log(lower[i][i]);
        }
        this.logDeterminant = logDet;
    }

    private static CholeskyDecomposition factor(MaternKernel kernel, double[][] points) {
        int n = points.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                k[i][j] = kernel.covariance(points[i], points[j]);
                k[j][i] = k[i][j];
            }
            k[i][i] = kernel.outputscale() + kernel.noise();
        }
        MathIllegalArgumentException last = null;
        for (double jitter : JITTER) {
            double[][] copy = new double[n][];
            for (int i = 0; i < n; i++) {
                copy[i] = k[i].clone();
                copy[i][i] += jitter * kernel.outputscale();
            }
            try {
                return new CholeskyDecomposition(MatrixUtils.createRealMatrix(copy));
            } catch (MathIllegalArgumentException e) {
                last = e;
            }
        }
        throw last;
    }

    MaternKernel kernel() {
        return kernel;
    }

    double[][] points() {
        return points;
    }

    /** Log marginal likelihood of the values under this kernel. */
    double logLikelihood() {
        double fit = 0;
        for (int i = 0; i < values.length; i++) {
            fit += values[i] * weights[i];
        }
        return -0.5 * fit - 0.5 * logDeterminant - 0.5 * values.length * Math.log(2 * Math.PI);
    }

    /** alpha = K^-1 y, the weights of the posterior mean. */
    double[] weights() {
        return weights;
    }

    /**
     * K^-1's lower triangle with its diagonal, row by row: all that the likelihood's gradient reads.
     * It is what Hipparchus' solver gives against the identity, by the same operations in the same
     * order, less those on the zeros of L^-1 and on the upper triangle: the same entries to the bit for
     * a third of the work. The full solve took a third of a two-objective suggestion (docs/benchmarks.md).
     */
    double[][] inverseLower() {
        int n = lower.length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[i + 1];
            x[i][i] = 1;
        }
        // L Y = I, so Y = L^-1, lower triangular.
        for (int j = 0; j < n; j++) {
            double[] xJ = x[j];
            double lJJ = lower[j][j];
            for (int k = 0; k <= j; k++) {
                xJ[k] /= lJJ;
            }
            for (int i = j + 1; i < n; i++) {
                double[] xI = x[i];
                double lIJ = lower[i][j];
                for (int k = 0; k <= j; k++) {
                    xI[k] -= xJ[k] * lIJ;
                }
            }
        }
        // L' X = Y, so X = K^-1; row i's lower part needs only the lower parts of the rows below it.
        for (int j = n - 1; j >= 0; j--) {
            double[] xJ = x[j];
            double[] lJ = lower[j];
            double lJJ = lJ[j];
            for (int k = 0; k <= j; k++) {
                xJ[k] /= lJJ;
            }
            for (int i = 0; i < j; i++) {
                double[] xI = x[i];
                double lJI = lJ[i];
                for (int k = 0; k <= i; k++) {
                    xI[k] -= xJ[k] * lJI;
                }
            }
        }
        return x;
    }

    /** Posterior mean and variance of the latent function at x. */
    double[] predict(double[] x) {
        int n = points.length;
        double[] k = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            k[i] = kernel.covariance(x, points[i]);
            mean += k[i] * weights[i];
        }
        // k' K^-1 k as |L^-1 k|^2, by forward substitution in place. Hipparchus' solver does the same
        // through RealMatrix accessors, which took a fifth of a suggestion at 1,000 observations.
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double[] row = lower[i];
            double sum = k[i];
            for (int j = 0; j < i; j++) {
                sum -= row[j] * k[j];
            }
            k[i] = sum / row[i];
            squares += k[i] * k[i];
        }
        double variance = kernel.outputscale() - squares;
        return new double[] {mean, Math.max(variance, 1e-12 * kernel.outputscale())};
    }

    /**
     * The same model after also seeing {@code value} at {@code x}, with the same hyperparameters:
     * how trials that run now enter the model, so that the next suggestion looks elsewhere.
     */
    GaussianProcess believing(double[] x, double value) {
        double[][] morePoints = Arrays.copyOf(points, points.length + 1);
        morePoints[points.length] = x;
        double[] moreValues = Arrays.copyOf(values, values.length + 1);
        moreValues[values.length] = value;
        return new GaussianProcess(kernel, morePoints, moreValues);
    }
}
