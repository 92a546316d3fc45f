package io.sparktune.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HypervolumeImprovementTest {
    private static final List<double[]> FRONT = List.of(new double[] {1, 3}, new double[] {3, 1});
    private static final double[] REFERENCE = {4, 4};

    private static HypervolumeImprovement improvement() {
        return new HypervolumeImprovement(FRONT, REFERENCE, new SplittableRandom(1));
    }

    @Test
    void aPointTheFrontDominatesAddsNothing() {
        assertEquals(0, improvement().of(new double[] {3, 3.5}));
    }

    @Test
    void aPointOutsideTheReferenceBoxAddsNothing() {
        assertEquals(0, improvement().of(new double[] {0, 4}));
    }

    @Test
    void aPointInTheFrontsNotchAddsTheBoxTheFrontLeftUncovered() {
        // (2, 2) dominates [2, 4] x [2, 4] = 4, of which the front covers [3, 4] x [2, 4] and [2, 4] x [3, 4], 3 in all.
        assertEquals(1, improvement().of(new double[] {2, 2}), 1e-12);
    }

    @Test
    void aCertainPosteriorExpectsExactlyItsMeansImprovement() {
        assertEquals(1, improvement().expected(new double[] {2, 2}, new double[] {0, 0}), 1e-12);
    }

    @Test
    void uncertaintyAboutADominatedPointGivesItSomeExpectedImprovement() {
        double expected = improvement().expected(new double[] {3, 3.5}, new double[] {1, 1});
        assertEquals(true, expected > 0, "a dominated mean with sd 1 can still improve; expected > 0, got " + expected);
    }

    @Test
    void theStaircaseGivesWhatRaisingTheFrontGivesOnRandomFronts() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 2000; round++) {
            List<double[]> front = new ArrayList<>();
            int size = random.nextInt(30);
            for (int i = 0; i < size; i++) {
                // A coarse grid makes ties, duplicates and points on the reference's edges common.
                front.add(new double[] {random.nextInt(12) / 2.0, random.nextInt(12) / 2.0});
            }
            HypervolumeImprovement improvement = new HypervolumeImprovement(front, REFERENCE, random.split());
            double[] y = random.nextBoolean()
                    ? new double[] {random.nextInt(12) / 2.0, random.nextInt(12) / 2.0}
                    : new double[] {random.nextDouble(-1, 5), random.nextDouble(-1, 5)};
            assertEquals(improvement.raised(y), new Staircase(front, REFERENCE).improvement(y), 1e-9,
                    "the improvement of (" + y[0] + ", " + y[1] + ") on a front of " + size + " points");
        }
    }

    @Test
    void withThreeObjectivesTheSweepGivesWhatRaisingTheFrontGivesToTheBit() {
        SplittableRandom random = new SplittableRandom(18);
        double[] reference = {4, 4, 4};
        int improving = 0;
        for (int round = 0; round < 3000; round++) {
            List<double[]> front = new ArrayList<>();
            int size = random.nextInt(40);
            boolean grid = random.nextBoolean();
            for (int i = 0; i < size; i++) {
                // A coarse grid makes ties in each loss, duplicates and points on the reference's faces common.
                front.add(grid ? new double[] {random.nextInt(10) / 2.0, random.nextInt(10) / 2.0, random.nextInt(10) / 2.0}
                        : new double[] {random.nextDouble(-1, 5), random.nextDouble(-1, 5), random.nextDouble(-1, 5)});
            }
            HypervolumeImprovement improvement = new HypervolumeImprovement(front, reference, random.split());
            // Drawn from the lower part of the box, so that most draws improve the front and the sweep has work to do.
            double[] y = grid ? new double[] {random.nextInt(6) / 2.0, random.nextInt(6) / 2.0, random.nextInt(6) / 2.0}
                    : new double[] {random.nextDouble(-1, 3), random.nextDouble(-1, 3), random.nextDouble(-1, 3)};
            double expected = improvement.raised(y);
            improving += expected > 0 ? 1 : 0;
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(improvement.of(y)),
                    "the improvement of " + Arrays.toString(y) + " on a front of " + size + " points: " + expected + " raised");
        }
        assertTrue(improving > 1000, "most draws should improve the front, or the comparison says little: " + improving);
    }
}
