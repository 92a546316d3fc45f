package io.sparktune.search;

import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParzenEstimatorTest {
    private static final UnitEncoding LINE = new UnitEncoding(new Space(List.of(new Parameter("x", new Uniform(0, 1)))));

    @Test
    void eachKernelIsAsWideAsItsLargerGapToANeighbour() {
        // Sorted with the prior's centre: 0.1, 0.2, (0.5), 0.9. The outermost take their inner gap.
        ParzenEstimator estimator = new ParzenEstimator(LINE, List.of(new double[] {0.2}, new double[] {0.9}, new double[] {0.1}),
                new double[] {1, 1, 1}, 1, 2);
        for (double x : new double[] {0.05, 0.15, 0.5, 0.95}) {
            double expected = (kernel(x, 0.2, 0.3) + kernel(x, 0.9, 0.4) + kernel(x, 0.1, 0.1) + 1) / 4;
            assertEquals(Math.log(expected), estimator.logDensity(new double[] {x}), 1e-6, "at " + x);
        }
    }

    @Test
    void equalCentresAreNeighboursAtDistanceZeroAndNarrowToTheFloor() {
        // Sorted: 0.3, 0.3, (0.5), 0.8. The first 0.3 is outermost with a gap of 0 to its inner
        // neighbour, so it gets the floor 1/k^2 = 1/25: k = 5 kernels, the prior counted twice as Optuna does.
        ParzenEstimator estimator = new ParzenEstimator(LINE, List.of(new double[] {0.3}, new double[] {0.3}, new double[] {0.8}),
                new double[] {1, 1, 1}, 1, 2);
        for (double x : new double[] {0.25, 0.3, 0.6, 0.9}) {
            double expected = (kernel(x, 0.3, 1.0 / 25) + kernel(x, 0.3, 0.2) + kernel(x, 0.8, 0.3) + 1) / 4;
            assertEquals(Math.log(expected), estimator.logDensity(new double[] {x}), 1e-6, "at " + x);
        }
    }

    /** A normal density truncated to [0, 1]. */
    private static double kernel(double x, double centre, double sigma) {
        NormalDistribution normal = new NormalDistribution(centre, sigma);
        return normal.density(x) / (normal.cumulativeProbability(1) - normal.cumulativeProbability(0));
    }
}
