package io.sparktune.search;

import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParzenEstimatorTest {
    private static final UnitEncoding LINE = new UnitEncoding(new Space(List.of(new Parameter("x", new Uniform(0, 1)))));
    private static final UnitEncoding SQUARE = new UnitEncoding(new Space(List.of(new Parameter("x", new Uniform(0, 1)),
            new Parameter("y", new Uniform(0, 1)))));
    private static final List<double[]> DIAGONAL = List.of(new double[] {0.2, 0.8}, new double[] {0.8, 0.2});

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

    @Test
    void theMarginalDensityIsTheProductOfEachCoordinatesMixture() {
        // Along either coordinate the centres sort as 0.2, (0.5), 0.8: every kernel is 0.3 wide.
        ParzenEstimator estimator = new ParzenEstimator(SQUARE, DIAGONAL, new double[] {1, 1}, 1, 2);
        for (double[] at : new double[][] {{0.2, 0.2}, {0.2, 0.8}, {0.5, 0.9}, {0.05, 0.6}}) {
            double expected = Math.log((kernel(at[0], 0.2, 0.3) + kernel(at[0], 0.8, 0.3) + 1) / 3)
                    + Math.log((kernel(at[1], 0.8, 0.3) + kernel(at[1], 0.2, 0.3) + 1) / 3);
            assertEquals(expected, estimator.logMarginalDensity(at), 1e-6, "at " + Arrays.toString(at));
        }
    }

    @Test
    void drawsOfEachCoordinateCombineTheCoordinatesOfDifferentPoints() {
        // Points at (0.2, 0.8) and (0.8, 0.2): a draw from the mixture keeps its point's pair, so both
        // coordinates fall below 0.5 less often (about 0.19) than the product of their shares (0.25);
        // coordinates drawn each from its own component are independent.
        ParzenEstimator estimator = new ParzenEstimator(SQUARE, DIAGONAL, new double[] {1, 1}, 1, 2);
        assertTrue(lowerLeftExcess(estimator::sample) < -0.03, "draws from the mixture keep each point's coordinates together");
        assertEquals(0, lowerLeftExcess(estimator::sampleEachCoordinate), 0.01, "draws of each coordinate are independent");
    }

    /** Over 20,000 draws, the share with both coordinates below 0.5 less the product of the two shares. */
    private static double lowerLeftExcess(Function<SplittableRandom, double[]> draw) {
        SplittableRandom random = new SplittableRandom(11);
        int n = 20_000;
        int x = 0;
        int y = 0;
        int both = 0;
        for (int i = 0; i < n; i++) {
            double[] point = draw.apply(random);
            x += point[0] < 0.5 ? 1 : 0;
            y += point[1] < 0.5 ? 1 : 0;
            both += point[0] < 0.5 && point[1] < 0.5 ? 1 : 0;
        }
        return (double) both / n - (double) x / n * y / n;
    }

    /** A normal density truncated to [0, 1]. */
    private static double kernel(double x, double centre, double sigma) {
        NormalDistribution normal = new NormalDistribution(centre, sigma);
        return normal.density(x) / (normal.cumulativeProbability(1) - normal.cumulativeProbability(0));
    }
}
