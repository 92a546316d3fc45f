package io.sparktune.pareto;

import io.sparktune.core.Config;
import io.sparktune.core.Constraint;
import io.sparktune.core.Goals;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParetoFrontTest {
    private static final Goals GOALS = new Goals(List.of(new Objective("acc", Objective.Mode.MAX), new Objective("ms", Objective.Mode.MIN)),
            List.of(new Constraint("mb", Double.NEGATIVE_INFINITY, 100)));

    private static TrialResult trial(int id, double acc, double ms, double mb) {
        return new TrialResult(id, Config.of(Map.of()), 0, TrialStatus.COMPLETED, Map.of("acc", acc, "ms", ms, "mb", mb), 1, 0, 1, "h", null, 1);
    }

    @Test
    void anInfeasibleTrialNeverJoinsTheFront() {
        ParetoFront front = new ParetoFront(GOALS);
        assertFalse(front.offer(trial(0, 0.99, 1, 500)));
        assertEquals(List.of(), front.members());
    }

    @Test
    void aTrialThatDominatesMembersReplacesThem() {
        ParetoFront front = new ParetoFront(GOALS);
        assertTrue(front.offer(trial(0, 0.8, 10, 50)));
        assertTrue(front.offer(trial(1, 0.9, 20, 50)));
        assertTrue(front.offer(trial(2, 0.95, 5, 50)));
        assertEquals(List.of(2), front.members().stream().map(TrialResult::id).toList());
    }

    @Test
    void aDominatedTrialLeavesTheFrontUnchanged() {
        ParetoFront front = new ParetoFront(GOALS);
        front.offer(trial(0, 0.9, 5, 50));
        assertFalse(front.offer(trial(1, 0.8, 10, 50)));
    }
}
