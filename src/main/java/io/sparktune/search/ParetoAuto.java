package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;

import java.util.List;

/**
 * {@code auto} for a sweep with several objectives or constraints, from the issue-18 benchmark
 * (docs/benchmarks.md, "Several objectives"):
 * <ul>
 *   <li>gp (expected hypervolume improvement) while it is affordable, which led on every problem
 *       where it ran: every 2-objective one and, without constraints, DTLZ2 with three objectives;</li>
 *   <li>with three objectives or more, tpe (MOTPE) when gp is not affordable or there are
 *       constraints (gp was not measured with three constrained objectives): tpe led nsga2 and
 *       Optuna's NSGA-II on DTLZ2 by far;</li>
 *   <li>with two, nsga2 when gp is not affordable: each gp suggestion fits one model per objective
 *       and per constraint, at O(n³) each, where nsga2's cost stays flat, and nsga2 led tpe on ZDT2.</li>
 * </ul>
 * A sweep with one plain objective goes to the single-objective {@code auto}.
 *
 * <p>Which searcher runs depends only on the history, so a resumed sweep switches at the same trial;
 * they share one Sobol design, so the first trials are the same whichever serves them.
 */
final class ParetoAuto implements Searcher {
    static final int GP_MAX_OBSERVATIONS = 500;

    private final Searcher single;
    private final Searcher gp;
    private final Searcher tpe;
    private final Searcher nsga2;
    private final boolean gpFits;

    ParetoAuto(Searcher single, Searcher gp, Searcher tpe, Searcher nsga2, int dimensions) {
        this.single = single;
        this.gp = gp;
        this.tpe = tpe;
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
        Observation first = history.observations().get(0);
        boolean useGp = gpFits && history.observations().size() < GP_MAX_OBSERVATIONS;
        if (first.losses().length >= 3) {
            return (useGp && first.margins().length == 0 ? gp : tpe).suggest(count, history);
        }
        return (useGp ? gp : nsga2).suggest(count, history);
    }
}
