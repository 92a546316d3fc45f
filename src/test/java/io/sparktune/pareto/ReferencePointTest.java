package io.sparktune.pareto;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ReferencePointTest {

    @Test
    void theReferenceLiesTheMarginsShareOfTheRangeBeyondTheWorstLoss() {
        double[] reference = ReferencePoint.beyondWorst(List.of(new double[] {1, 4}, new double[] {3, 2}), 0.1);
        assertArrayEquals(new double[] {3.2, 4.2}, reference, 1e-12);
    }

    @Test
    void anObjectiveWithoutRangeStillKeepsItsPointsInside() {
        double[] reference = ReferencePoint.beyondWorst(List.of(new double[] {2, 4}, new double[] {2, 2}), 0.1);
        assertArrayEquals(new double[] {2 + 2e-9, 4.2}, reference, 1e-15);
    }

    @Test
    void aDivergedTrialsInfiniteLossDoesNotMoveTheReference() {
        double[] reference = ReferencePoint.beyondWorst(List.of(new double[] {1, 4}, new double[] {3, 2},
                new double[] {Double.POSITIVE_INFINITY, 0}), 0.1);
        assertArrayEquals(new double[] {3.2, 4.2}, reference, 1e-12);
    }
}
