package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialStatus;
import io.sparktune.space.Space;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustRegionTest {
    private static final Space CUBE = Spaces.unitCube(2);

    private static List<Observation> losses(double... losses) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            out.add(new Observation(i, CUBE.fromUnit(new double[] {0.5, 0.5}), losses[i], TrialStatus.COMPLETED, 1));
        }
        return out;
    }

    @Test
    void threeImprovementsInARowDoubleTheSideAndFourTrialsWithoutOneHalveIt() {
        // Two design trials, then three improvements: 0.8 doubles to its maximum 1.6.
        assertEquals(1.6, TrustRegion.side(losses(10, 9, 8, 7, 6), 2, 2), 1e-12);
        // Then four without one (max(4, d) with d = 2): back to 0.8.
        assertEquals(0.8, TrustRegion.side(losses(10, 9, 8, 7, 6, 6, 7, 8, 6), 2, 2), 1e-12);
        // The design's own improvements count for nothing.
        assertEquals(TrustRegion.INITIAL, TrustRegion.side(losses(10, 9, 8, 7, 6), 5, 2), 1e-12);
    }

    @Test
    void aSmallerImprovementThanOneThousandthDoesNotCount() {
        assertEquals(0.4, TrustRegion.side(losses(10, 9.9999, 9.9998, 9.9997, 9.9996), 1, 2), 1e-12);
    }

    @Test
    void aBoxThatShrinksBelowItsMinimumStartsAgainAtItsFirstSize() {
        double[] flat = new double[1 + 4 * 7];
        Arrays.fill(flat, 1);
        // Six halvings reach 0.8/64 = 0.0125, above 0.5^7; the seventh goes below and restarts.
        assertEquals(0.8 / 64, TrustRegion.side(losses(Arrays.copyOf(flat, 1 + 4 * 6)), 1, 2), 1e-12);
        assertEquals(TrustRegion.INITIAL, TrustRegion.side(losses(flat), 1, 2), 1e-12);
    }

    @Test
    void halfWidthsFollowTheLengthscalesAroundTheirGeometricMean() {
        // Geometric mean 0.2: the slow coordinate gets four times the fast one's width.
        assertArrayEquals(new double[] {0.4 / 2 * 0.5, 0.4 / 2 * 2}, TrustRegion.halfWidths(new UnitEncoding(CUBE), new double[] {0.1, 0.4}, 0.4), 1e-12);
    }

    @Test
    void theSearchInsideABoxStaysInItAndFindsItsBestCorner() {
        // The acquisition rises towards (1, 1), far outside the box 0.3 ± (0.1, 0.05).
        UnitEncoding encoding = new UnitEncoding(CUBE);
        AcquisitionSearch search = new AcquisitionSearch(encoding, x -> x[0] + x[1], new SplittableRandom(4));
        double[] found = search.maximiseWithin(new double[] {0.3, 0.3}, new double[] {0.1, 0.05}, Set.<Config>of());
        assertTrue(found[0] <= 0.4 + 1e-12 && found[1] <= 0.35 + 1e-12, "outside the box: " + found[0] + ", " + found[1]);
        assertEquals(0.4, found[0], 1e-3);
        assertEquals(0.35, found[1], 1e-3);
    }

    @Test
    void aBoxOverTheCubesEdgeIsClippedToTheCube() {
        UnitEncoding encoding = new UnitEncoding(CUBE);
        AcquisitionSearch search = new AcquisitionSearch(encoding, x -> -x[0] - x[1], new SplittableRandom(4));
        double[] found = search.maximiseWithin(new double[] {0.02, 0.5}, new double[] {0.1, 0.1}, Set.<Config>of());
        assertTrue(found[0] >= 0 && found[0] < 1e-3, "x0 should reach the cube's face at 0, not beyond: " + found[0]);
        assertEquals(0.4, found[1], 1e-3);
    }
}
