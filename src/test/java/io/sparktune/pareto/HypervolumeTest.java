package io.sparktune.pareto;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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

    @Test
    void aCubeLessACornerCubeIsSevenEighths() {
        // (0, 0, 0.5) covers the upper slab, 1 x 1 x 0.5; (0, 0.5, 0) and (0.5, 0, 0) the lower one less the notch [0, 0.5)^2 x [0, 0.5).
        List<double[]> points = List.of(new double[] {0, 0, 0.5}, new double[] {0, 0.5, 0}, new double[] {0.5, 0, 0});
        assertEquals(0.875, Hypervolume.of(points, new double[] {1, 1, 1}), 1e-15);
    }

    @Test
    void aPointThatDominatesEarlierStepsReplacesThem() {
        // Below z = 1 the union of two 2 x 1 rectangles (area 3); from z = 1, (0, 0, 1) covers the whole 3 x 3 x 2.
        List<double[]> points = List.of(new double[] {1, 2, 0}, new double[] {2, 1, 0}, new double[] {0, 0, 1});
        assertEquals(3.0 + 18.0, Hypervolume.of(points, new double[] {3, 3, 3}), 1e-15);
    }

    @Test
    void threeObjectivesGiveWhatSlicingIntoTwoDimensionalAreasGivesOnRandomSets() {
        SplittableRandom random = new SplittableRandom(18);
        double[] reference = {5, 5, 5};
        for (int round = 0; round < 3000; round++) {
            List<double[]> points = new ArrayList<>();
            int size = random.nextInt(60);
            boolean grid = random.nextBoolean();
            for (int i = 0; i < size; i++) {
                // A coarse grid makes ties in each coordinate, duplicates, dominated points and points on or
                // beyond the reference's faces common; the continuous sets have none of these.
                points.add(grid
                        ? new double[] {random.nextInt(13) / 2.0 - 0.5, random.nextInt(13) / 2.0 - 0.5, random.nextInt(13) / 2.0 - 0.5}
                        : new double[] {random.nextDouble(-1, 6), random.nextDouble(-1, 6), random.nextDouble(-1, 6)});
            }
            double expected = slicedInto2d(points, reference);
            assertEquals(expected, Hypervolume.of(points, reference), 1e-12 * Math.max(1, expected),
                    "round " + round + ": " + size + " points, " + (grid ? "on a grid" : "continuous"));
        }
    }

    @Test
    void fourObjectivesAreSlicedIntoThreeDimensionalSweepsCorrectly() {
        // [1,2]^3 x [0,2] (2) and [0,2]^3 x [1,2] (8) share [1,2]^4 (1).
        List<double[]> points = List.of(new double[] {1, 1, 1, 0}, new double[] {0, 0, 0, 1});
        assertEquals(9.0, Hypervolume.of(points, new double[] {2, 2, 2, 2}), 1e-15);
    }

    /** The 3-D volume as slabs along the third loss, each the 2-D area of the points at or below it. */
    private static double slicedInto2d(List<double[]> points, double[] reference) {
        List<double[]> inside = points.stream().filter(p -> p[0] < reference[0] && p[1] < reference[1] && p[2] < reference[2]).toList();
        double[] levels = inside.stream().mapToDouble(p -> p[2]).sorted().distinct().toArray();
        double volume = 0;
        for (int k = 0; k < levels.length; k++) {
            double level = levels[k];
            List<double[]> below = inside.stream().filter(p -> p[2] <= level).map(p -> new double[] {p[0], p[1]}).toList();
            double top = k + 1 < levels.length ? levels[k + 1] : reference[2];
            volume += Hypervolume.of(below, new double[] {reference[0], reference[1]}) * (top - level);
        }
        return volume;
    }
}
