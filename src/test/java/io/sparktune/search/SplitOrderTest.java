package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitOrderTest {

    private static Observation trial(int id, double violation, double... losses) {
        return new Observation(id, Config.of(Map.of("x", (double) id)), losses[0], TrialStatus.COMPLETED, 1, losses, violation,
                new double[] {violation > 0 ? violation : -1});
    }

    private static Observation plain(int id, double loss) {
        return new Observation(id, Config.of(Map.of("x", (double) id)), loss, TrialStatus.COMPLETED, 1);
    }

    /** One non-dominated rank of five feasible trials, (0, 4) to (4, 0). */
    private static List<Observation> frontOfFive() {
        List<Observation> front = new ArrayList<>();
        double[][] losses = {{0, 4}, {1, 3}, {2, 2}, {3, 1}, {4, 0}};
        for (int i = 0; i < losses.length; i++) {
            front.add(trial(i, 0, losses[i]));
        }
        return front;
    }

    @Test
    void withOneObjectiveAndNoConstraintsTheKeyIsTheLoss() {
        assertArrayEquals(new double[] {3, 1, 2}, SplitOrder.keys(List.of(plain(0, 3), plain(1, 1), plain(2, 2)), 25));
    }

    @Test
    void feasibleTrialsComeBeforeInfeasibleOnesHoweverGoodTheirLosses() {
        double[] keys = SplitOrder.keys(List.of(trial(0, 0.5, 0, 0), trial(1, 0, 9, 9)), 25);
        assertTrue(keys[1] < keys[0], "the feasible trial's key " + keys[1] + " should be below the infeasible one's " + keys[0]);
    }

    @Test
    void infeasibleTrialsAreOrderedByTheirViolation() {
        double[] keys = SplitOrder.keys(List.of(trial(0, 2, 0, 0), trial(1, 0.5, 5, 5), trial(2, 1, 1, 1)), 25);
        assertArrayEquals(new double[] {2, 0, 1}, keys);
    }

    @Test
    void theNonDominatedRankComesBeforeTheFirstDominatedTrial() {
        double[] keys = SplitOrder.keys(List.of(trial(0, 0, 1, 1), trial(1, 0, 2, 2), trial(2, 0, 0.5, 3)), 25);
        assertEquals(2, keys[1], "(1, 1) dominates (2, 2), (0.5, 3) is dominated by nothing: (2, 2) comes last");
    }

    @Test
    void withinARankTheTrialAddingMostHypervolumeComesFirst() {
        // (2, 2) alone covers most up to Optuna's reference (1.1 × the worst), the ends add least.
        double[] keys = SplitOrder.keys(frontOfFive(), 25);
        assertEquals(0, keys[2], "the middle point dominates the largest box");
    }

    @Test
    void pastTheGoodGroupsLargestSizeARankKeepsTheTrialsOwnOrder() {
        assertArrayEquals(new double[] {1, 2, 0, 3, 4}, SplitOrder.keys(frontOfFive(), 1));
    }
}
