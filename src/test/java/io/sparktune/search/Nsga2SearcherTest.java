package io.sparktune.search;

import io.sparktune.bench.ParetoBenchmark;
import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialStatus;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Nsga2SearcherTest {
    private static final Space SQUARE = new Space(List.of(new Parameter("x0", new Uniform(0, 1)), new Parameter("x1", new Uniform(0, 1))));

    /** Trials 0..n-1 at the Sobol points nsga2 suggested, each with losses (x0, 1 - x0 + x1). */
    private static History observed(Searcher searcher, int n) {
        History history = new History();
        for (Config c : searcher.suggest(n, history)) {
            int id = history.created();
            history.started(id, c, true);
            history.finished(id);
            double[] losses = {c.getDouble("x0"), 1 - c.getDouble("x0") + c.getDouble("x1")};
            history.observe(new Observation(id, c, losses[0], TrialStatus.COMPLETED, 1, losses, 0, new double[0]));
        }
        return history;
    }

    @Test
    void aReplayedHistorySuggestsWhatTheFirstRunDid() {
        Searcher first = new Nsga2Searcher(SQUARE, 7, 10);
        Searcher second = new Nsga2Searcher(SQUARE, 7, 10);
        assertEquals(first.suggest(4, observed(first, 12)), second.suggest(4, observed(second, 12)));
    }

    @Test
    void childrenLeanTowardsTheFront() {
        Searcher searcher = new Nsga2Searcher(SQUARE, 7, 10);
        List<Config> children = searcher.suggest(40, observed(searcher, 40));
        double meanX1 = children.stream().mapToDouble(c -> c.getDouble("x1")).average().orElseThrow();
        assertTrue(meanX1 < 0.35, "the front is at x1 = 0, a Sobol design averages 0.5; the children average " + meanX1);
    }

    /** Search quality is a distribution over seeds: one seed may favour random search, the median must not. */
    @Test
    void itsMedianZdt1HypervolumeOverFiveSeedsBeatsRandomSearchs() {
        ParetoBenchmark.Problem zdt1 = ParetoBenchmark.PROBLEMS.get(0);
        double[] nsga2 = new double[5];
        double[] random = new double[5];
        for (int k = 0; k < 5; k++) {
            nsga2[k] = ParetoBenchmark.run(zdt1, "nsga2", 1, 1000 + k);
            random[k] = ParetoBenchmark.run(zdt1, "random", 1, 1000 + k);
        }
        Arrays.sort(nsga2);
        Arrays.sort(random);
        assertTrue(nsga2[2] > random[2], "median hypervolume: nsga2 " + Arrays.toString(nsga2) + ", random " + Arrays.toString(random));
    }
}
