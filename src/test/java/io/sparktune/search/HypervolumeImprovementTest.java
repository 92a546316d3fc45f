package io.sparktune.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
