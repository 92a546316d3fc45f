package io.sparktune.search;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelFitTest {

    @Test
    void theLikelihoodGradientMatchesFiniteDifferences() {
        UnitEncoding encoding = new UnitEncoding(Spaces.unitCube(3));
        SplittableRandom random = new SplittableRandom(3);
        double[][] points = new double[15][3];
        double[] values = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < 3; j++) {
                points[i][j] = random.nextDouble();
            }
            values[i] = Math.sin(5 * points[i][0]) + points[i][1] * points[i][1] + 0.1 * random.nextGaussian();
        }
        double[] theta = new double[MaternKernel.parameterCount(encoding)];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = -0.5 + 0.3 * random.nextGaussian();
        }
        double[] gradient = new double[theta.length];
        new KernelFit(encoding, points, values).addLikelihoodGradient(new GaussianProcess(new MaternKernel(encoding, theta), points, values), theta, gradient);
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-5;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (logLikelihood(encoding, up, points, values) - logLikelihood(encoding, down, points, values)) / (2 * h);
            assertEquals(numeric, gradient[k], 1e-5 * Math.max(1, Math.abs(numeric)), "hyperparameter " + k);
        }
    }

    private static double logLikelihood(UnitEncoding encoding, double[] theta, double[][] points, double[] values) {
        return new GaussianProcess(new MaternKernel(encoding, theta), points, values).logLikelihood();
    }
}
