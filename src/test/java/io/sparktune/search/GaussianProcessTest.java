package io.sparktune.search;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GaussianProcessTest {

    @Test
    void theInversesLowerTriangleIsHipparchusInverseToTheBit() {
        UnitEncoding encoding = new UnitEncoding(Spaces.unitCube(4));
        SplittableRandom random = new SplittableRandom(11);
        // More than 64 points, so that Hipparchus stores the matrices in blocks, as in a real sweep.
        double[][] points = new double[90][4];
        double[] values = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            points[i] = random.doubles(4).toArray();
            values[i] = random.nextGaussian();
        }
        double[] theta = {-1, -0.5, 0, -1.5, 0.2, -4};
        MaternKernel kernel = new MaternKernel(encoding, theta);
        double[][] k = new double[points.length][points.length];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < points.length; j++) {
                k[i][j] = i == j ? kernel.outputscale() + kernel.noise() : kernel.covariance(points[i], points[j]);
            }
        }
        RealMatrix expected = new CholeskyDecomposition(MatrixUtils.createRealMatrix(k)).getSolver().getInverse();
        double[][] lower = new GaussianProcess(kernel, points, values).inverseLower();
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j <= i; j++) {
                assertEquals(expected.getEntry(i, j), lower[i][j], 0, "K^-1 at (" + i + ", " + j + ")");
            }
        }
    }
}
