package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialStatus;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gp with several objectives and constraints, through {@link GaussianProcessSearcher} as a sweep drives it. */
class HypervolumeSearchTest {
    private static final Space SQUARE = new Space(List.of(new Parameter("x0", new Uniform(0, 1)), new Parameter("x1", new Uniform(0, 1))));

    /**
     * The first n trials gp suggests, observed with losses (x0, 1 - x0 + x1), whose front is x1 = 0,
     * and, when {@code constrained}, the constraint x0 <= 0.5 (margin x0 - 0.5).
     */
    private static History observed(Searcher gp, int n, boolean constrained) {
        History history = new History();
        while (history.created() < n) {
            Config c = gp.suggest(1, history).get(0);
            int id = history.created();
            history.started(id, c, true);
            history.finished(id);
            double x0 = c.getDouble("x0");
            double[] losses = {x0, 1 - x0 + c.getDouble("x1")};
            double[] margins = constrained ? new double[] {x0 - 0.5} : new double[0];
            double violation = constrained ? Math.max(0, x0 - 0.5) : 0;
            history.observe(new Observation(id, c, losses[0], TrialStatus.COMPLETED, 1, losses, violation, margins));
        }
        return history;
    }

    private static Searcher gp() {
        return new GaussianProcessSearcher(SQUARE, 7, 6, 256, 0);
    }

    @Test
    void aReplayedHistorySuggestsWhatTheFirstRunDid() {
        Searcher first = gp();
        Searcher second = gp();
        assertEquals(first.suggest(2, observed(first, 10, true)), second.suggest(2, observed(second, 10, true)));
    }

    @Test
    void suggestionsLieNearTheFront() {
        Searcher gp = gp();
        History history = observed(gp, 16, false);
        for (Config c : gp.suggest(4, history)) {
            assertTrue(c.getDouble("x1") < 0.1, "the front is at x1 = 0; suggested " + c);
        }
    }

    @Test
    void suggestionsKeepToWhereTheFeasibilityModelExpectsTheConstraintKept() {
        Searcher gp = gp();
        History history = observed(gp, 16, true);
        for (Config c : gp.suggest(4, history)) {
            assertTrue(c.getDouble("x0") <= 0.52, "feasible only where x0 <= 0.5; suggested " + c);
        }
    }

    @Test
    void parallelSlotsSpreadAlongTheFront() {
        Searcher gp = gp();
        List<Config> batch = gp.suggest(4, observed(gp, 16, false));
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < batch.size(); i++) {
            for (int j = i + 1; j < batch.size(); j++) {
                closest = Math.min(closest, Math.abs(batch.get(i).getDouble("x0") - batch.get(j).getDouble("x0")));
            }
        }
        assertTrue(closest > 0.02, "four slots at once should differ along the front (x0); closest pair " + closest + " apart in " + batch);
    }

    private static final List<double[]> FRONT_3D = List.of(new double[] {0, 1, 0.5}, new double[] {1, 0, 0.5}, new double[] {0.5, 0.5, 0});
    private static final List<double[]> OBSERVED_3D = List.of(new double[] {0, 1, 0.5}, new double[] {1, 0, 0.5},
            new double[] {0.5, 0.5, 0}, new double[] {2, 2, 2});

    @Test
    void withThreeUnconstrainedObjectivesTheReferenceLiesATenthOfTheFrontsRangeBeyondItsNadir() {
        assertArrayEquals(new double[] {1.1, 1.1, 0.55},
                HypervolumeSearch.reference(HypervolumeSearch.referenceLosses(FRONT_3D, OBSERVED_3D, false)), 1e-12);
    }

    @Test
    void withThreeConstrainedObjectivesTheReferenceLiesBeyondEveryFinishedTrial() {
        assertArrayEquals(new double[] {2.2, 2.2, 2.2},
                HypervolumeSearch.reference(HypervolumeSearch.referenceLosses(FRONT_3D, OBSERVED_3D, true)), 1e-12);
    }

    @Test
    void withTwoObjectivesTheReferenceLiesBeyondEveryFinishedTrial() {
        List<double[]> front = List.of(new double[] {0, 1}, new double[] {1, 0});
        List<double[]> observed = List.of(new double[] {0, 1}, new double[] {1, 0}, new double[] {3, 3});
        assertArrayEquals(new double[] {3.3, 3.3}, HypervolumeSearch.reference(HypervolumeSearch.referenceLosses(front, observed, false)), 1e-12);
    }
}
