package io.sparktune.search;

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
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParetoAutoTest {
    private static final Space SQUARE = new Space(List.of(new Parameter("x0", new Uniform(0, 1)), new Parameter("x1", new Uniform(0, 1))));

    /** n random trials with losses (x0, 1 - x0 + x1), or the first of them alone when {@code several} is false. */
    private static History observed(int n, boolean several) {
        return observed(n, several ? 2 : 1);
    }

    /** n random trials with the first {@code objectives} of the losses (x0, 1 - x0 + x1, x1), as one plain objective when 1. */
    private static History observed(int n, int objectives) {
        return observed(n, objectives, false);
    }

    /** As above, with the constraint x0 <= 0.5 (margin x0 - 0.5) when {@code constrained}. */
    private static History observed(int n, int objectives, boolean constrained) {
        History history = new History();
        SplittableRandom random = new SplittableRandom(3);
        for (int id = 0; id < n; id++) {
            Config c = SQUARE.fromUnit(new double[] {random.nextDouble(), random.nextDouble()});
            history.started(id, c, true);
            history.finished(id);
            double[] losses = Arrays.copyOf(new double[] {c.getDouble("x0"), 1 - c.getDouble("x0") + c.getDouble("x1"), c.getDouble("x1")}, objectives);
            double margin = c.getDouble("x0") - 0.5;
            history.observe(objectives > 1 || constrained
                    ? new Observation(id, c, losses[0], TrialStatus.COMPLETED, 1, losses,
                            constrained ? Math.max(0, margin) : 0, constrained ? new double[] {margin} : new double[0])
                    : new Observation(id, c, losses[0], TrialStatus.COMPLETED, 1));
        }
        return history;
    }

    private static Searcher auto() {
        return SearcherSpec.Optionless.AUTO.create(SQUARE, 11);
    }

    @Test
    void withSeveralObjectivesAutoSuggestsWhatGpDoes() {
        History history = observed(12, true);
        assertEquals(SearcherSpec.GpOptions.defaults(SQUARE).create(SQUARE, 11).suggest(1, history), auto().suggest(1, history));
    }

    @Test
    void pastGpsLimitAutoSuggestsWhatNsga2Does() {
        History history = observed(ParetoAuto.GP_MAX_OBSERVATIONS, true);
        assertEquals(new Nsga2Searcher(SQUARE, 11, Nsga2Searcher.DEFAULT_POPULATION).suggest(2, history), auto().suggest(2, history));
    }

    @Test
    void withOnePlainObjectiveAutoIsTheSingleObjectiveOne() {
        History history = observed(12, false);
        Searcher single = new AutoSearcher(SearcherSpec.GpOptions.defaults(SQUARE).create(SQUARE, 11),
                SearcherSpec.TpeOptions.DEFAULTS.create(SQUARE, 11), 2);
        assertEquals(single.suggest(1, history), auto().suggest(1, history));
    }

    @Test
    void withThreeObjectivesAutoSuggestsWhatGpDoes() {
        History history = observed(12, 3);
        assertEquals(SearcherSpec.GpOptions.defaults(SQUARE).create(SQUARE, 11).suggest(2, history), auto().suggest(2, history));
    }

    @Test
    void withThreeConstrainedObjectivesAutoSuggestsWhatTpeDoes() {
        History history = observed(12, 3, true);
        assertEquals(SearcherSpec.TpeOptions.DEFAULTS.create(SQUARE, 11).suggest(2, history), auto().suggest(2, history));
    }

    @Test
    void withThreeObjectivesPastGpsLimitAutoSuggestsWhatTpeDoes() {
        History history = observed(ParetoAuto.GP_MAX_OBSERVATIONS, 3);
        assertEquals(SearcherSpec.TpeOptions.DEFAULTS.create(SQUARE, 11).suggest(2, history), auto().suggest(2, history));
    }
}
