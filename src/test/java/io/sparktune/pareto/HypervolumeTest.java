package io.sparktune.pareto;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HypervolumeTest {

    @Test
    void twoOverlappingBoxesCountTheirUnionOnce() {
        assertEquals(3.0, Hypervolume.of(List.of(new double[] {1, 2}, new double[] {2, 1}), new double[] {3, 3}), 1e-12);
    }

    @Test
    void dominatedAndRepeatedPointsAddNothing() {
        List<double[]> front = List.of(new double[] {1, 2}, new double[] {2, 1});
        List<double[]> more = List.of(new double[] {1, 2}, new double[] {2, 1}, new double[] {2.5, 2.5}, new double[] {1, 2});
        assertEquals(Hypervolume.of(front, new double[] {3, 3}), Hypervolume.of(more, new double[] {3, 3}), 1e-12);
    }

    @Test
    void pointsBeyondTheReferenceAddNothing() {
        assertEquals(1.0, Hypervolume.of(List.of(new double[] {2, 2}, new double[] {0, 4}, new double[] {3, 0}), new double[] {3, 3}), 1e-12);
    }

    @Test
    void aPointsContributionIsTheVolumeThatOnlyItDominates() {
        // (1, 2) alone dominates [1, 2) x [2, 3), (2, 1) alone [2, 3) x [1, 2); (2.5, 2.5) nothing of its own.
        double[] contributions = Hypervolume.contributions(List.of(new double[] {1, 2}, new double[] {2, 1}, new double[] {2.5, 2.5}),
                new double[] {3, 3});
        assertArrayEquals(new double[] {1, 1, 0}, contributions, 1e-12);
    }

    @Test
    void threeDimensionalBoxesCountTheirUnionOnce() {
        // [1,2]x[1,2]x[0,2] (2) and [0,2]x[0,2]x[1,2] (4) share [1,2]x[1,2]x[1,2] (1).
        assertEquals(5.0, Hypervolume.of(List.of(new double[] {1, 1, 0}, new double[] {0, 0, 1}), new double[] {2, 2, 2}), 1e-12);
    }

    @Test
    void zdt1sTrueFrontApproachesTwoThirds() {
        List<double[]> front = new ArrayList<>();
        int n = 5000;
        for (int i = 0; i <= n; i++) {
            double f1 = (double) i / n;
            front.add(new double[] {f1, 1 - Math.sqrt(f1)});
        }
        double volume = Hypervolume.of(front, new double[] {1, 1});
        assertTrue(volume < 2.0 / 3, "a finite front dominates less than the true one: " + volume);
        assertEquals(2.0 / 3, volume, 2e-3);
    }

    @Test
    void dtlz2sSphericalFrontApproachesOneMinusPiOverSix() {
        List<double[]> front = new ArrayList<>();
        int n = 40;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double a = Math.PI / 2 * i / n;
                double b = Math.PI / 2 * j / n;
                front.add(new double[] {Math.cos(a) * Math.cos(b), Math.cos(a) * Math.sin(b), Math.sin(a)});
            }
        }
        double volume = Hypervolume.of(front, new double[] {1, 1, 1});
        double exact = 1 - Math.PI / 6;
        assertTrue(volume < exact, "a finite front dominates less than the true one: " + volume);
        assertEquals(exact, volume, 0.03);
    }
}
