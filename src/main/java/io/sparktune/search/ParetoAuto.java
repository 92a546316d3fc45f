package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;

import java.util.List;

/**
 * {@code auto} for a sweep with several objectives or constraints: gp (expected hypervolume
 * improvement) while it is affordable, nsga2 after. gp led on every problem of the issue-18
 * benchmark where it was measured (docs/benchmarks.md, "Several objectives"), but each suggestion
 * fits one model per objective and per constraint, at O(n³) each, where nsga2's cost stays flat.
 * A sweep with one plain objective goes to the single-objective {@code auto}.
 *
 * <p>Which searcher runs depends only on the history, so a resumed sweep switches at the same trial;
 * the three share one Sobol design, so the first trials are the same whichever serves them.
 */
final class ParetoAuto implements Searcher {
    static final int GP_MAX_OBSERVATIONS = 500;

    private final Searcher single;
    private final Searcher gp;
    private final Searcher nsga2;
    private final boolean gpFits;

    ParetoAuto(Searcher single, Searcher gp, Searcher nsga2, int dimensions) {
        this.single = single;
        this.gp = gp;
        this.nsga2 = nsga2;
        this.gpFits = dimensions <= AutoSearcher.GP_MAX_DIMENSIONS;
    }

    @Override
    public boolean learns() {
        return true;
    }

    @Override
    public List<Config> suggest(int count, History history) {
        if (!HypervolumeSearch.serves(history.observations())) {
            return single.suggest(count, history);
        }
        boolean useGp = gpFits && history.observations().size() < GP_MAX_OBSERVATIONS;
        return (useGp ? gp : nsga2).suggest(count, history);
    }
}
