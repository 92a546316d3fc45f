package io.sparktune.search;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;


/**
 * Kernel hyperparameters by maximum a posteriori: the log marginal likelihood plus log-normal
 * priors, maximised with conjugate gradients from the prior's mode. More starts from prior draws
 * measured no better (docs/benchmarks.md, "gp's log offset"), and the searcher
 * spends that time on a second fit with another transform of the losses instead.
 *
 * <p>The lengthscale prior grows with the dimension (Hvarfner et al. 2024, BoTorch's default since
 * 0.12): in high dimensions a model that assumes every coordinate matters overfits, and longer
 * lengthscales keep it smooth until the data say otherwise. The noise prior expects little noise,
 * as hyperparameter objectives are mostly repeatable, but lets noisy ones fit it.
 */
final class KernelFit {
    private static final double LENGTHSCALE_SD = Math.sqrt(3);
    private static final double OUTPUTSCALE_MEAN = 0;
    private static final double OUTPUTSCALE_SD = 1;
    /** LogNormal(-4, 1) on the noise variance, whose density peaks at exp(-4 - 1). */
    private static final double NOISE_MEAN = -5;
    private static final double NOISE_SD = 1;
    private static final int EVALUATIONS = 60;

    private final UnitEncoding encoding;
    private final double[][] points;
    private final double[] values;
    private final double lengthscaleMean;

    KernelFit(UnitEncoding encoding, double[][] points, double[] values) {
        this.encoding = encoding;
        this.points = points;
        this.values = values;
        // LogNormal(sqrt 2 + log(d)/2, sqrt 3) as a density on the lengthscale itself peaks at
        // exp(mu - sigma^2); MAP on that density, as BoTorch does, means this centre in log space.
        this.lengthscaleMean = Math.sqrt(2) + 0.5 * Math.log(encoding.dimensions()) - LENGTHSCALE_SD * LENGTHSCALE_SD;
    }

    /** The hyperparameters found by climbing from the prior's mode, or the mode itself if no step gave a model. */
    GaussianProcess fit() {
        Posterior found = climb(priorMode());
        return found.model != null ? found.model : new GaussianProcess(new MaternKernel(encoding, priorMode()), points, values);
    }

    private Posterior climb(double[] start) {
        Posterior tracker = new Posterior();
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-6, 1e-6), 1e-4, 1e-4, 0.5);
        try {
            optimizer.optimize(new MaxEval(EVALUATIONS), new MaxIter(EVALUATIONS), GoalType.MAXIMIZE,
                    new InitialGuess(start),
                    new ObjectiveFunction(tracker::value),
                    new ObjectiveFunctionGradient(tracker::gradient));
        } catch (MathIllegalStateException e) {
            // Out of evaluations: the tracker holds the best point seen, which is what we want anyway.
        }
        return tracker;
    }

    private double[] priorMode() {
        int d = encoding.dimensions();
        double[] theta = new double[d + 2];
        java.util.Arrays.fill(theta, 0, d, lengthscaleMean);
        theta[d] = OUTPUTSCALE_MEAN;
        theta[d + 1] = NOISE_MEAN;
        return theta;
    }

    private double logPrior(double[] theta, double[] gradient) {
        int d = encoding.dimensions();
        double sum = 0;
        for (int j = 0; j < d + 2; j++) {
            double mean = j < d ? lengthscaleMean : j == d ? OUTPUTSCALE_MEAN : NOISE_MEAN;
            double sd = j < d ? LENGTHSCALE_SD : j == d ? OUTPUTSCALE_SD : NOISE_SD;
            double z = (theta[j] - mean) / sd;
            sum -= 0.5 * z * z;
            gradient[j] -= z / sd;
        }
        return sum;
    }

    /** Log posterior and its gradient at the last point asked for, and the best point so far. */
    private final class Posterior {
        private double[] at;
        private double current;
        private double[] currentGradient;
        private GaussianProcess model;
        private double value = Double.NEGATIVE_INFINITY;

        double value(double[] theta) {
            evaluate(theta);
            return current;
        }

        double[] gradient(double[] theta) {
            evaluate(theta);
            return currentGradient.clone();
        }

        private void evaluate(double[] theta) {
            if (at != null && java.util.Arrays.equals(at, theta)) {
                return;
            }
            at = theta.clone();
            currentGradient = new double[theta.length];
            GaussianProcess gp;
            try {
                gp = new GaussianProcess(new MaternKernel(encoding, theta), points, values);
            } catch (MathIllegalArgumentException e) {
                current = -1e300;
                return;
            }
            current = gp.logLikelihood() + logPrior(theta, currentGradient);
            addLikelihoodGradient(gp, theta, currentGradient);
            if (current > value) {
                value = current;
                model = gp;
            }
        }
    }

    /** d/dtheta log p(y) = 1/2 tr((alpha alpha^T - K^-1) dK/dtheta), summed pair by pair. */
    void addLikelihoodGradient(GaussianProcess gp, double[] theta, double[] gradient) {
        int n = points.length;
        int d = encoding.dimensions();
        MaternKernel kernel = gp.kernel();
        double[] alpha = gp.weights();
        double[][] inverse = gp.inverseLower();
        double outputscaleTerm = 0;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            double wii = alpha[i] * alpha[i] - inverse[i][i];
            trace += wii;
            outputscaleTerm += 0.5 * wii * kernel.outputscale();
            for (int k = 0; k < i; k++) {
                double w = alpha[i] * alpha[k] - inverse[i][k];
                double r2 = kernel.squaredDistance(points[i], points[k]);
                outputscaleTerm += w * kernel.covarianceAt(r2);
                double factor = w * kernel.lengthscaleFactorAt(r2);
                for (int j = 0; j < d; j++) {
                    double diff = kernel.difference(points[i], points[k], j);
                    gradient[j] += factor * diff * diff * kernel.inverseSquaredLengthscale(j);
                }
            }
        }
        gradient[d] += outputscaleTerm;
        gradient[d + 1] += 0.5 * trace * Math.exp(theta[d + 1]);
    }
}
