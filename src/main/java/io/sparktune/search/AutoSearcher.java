package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;

import java.util.List;

/**
 * The Gaussian process while it is affordable, the tree-structured Parzen estimator after. gp had
 * the lowest regret on the benchmarks, but its suggestions grow costly with the history where tpe's
 * stay cheap (docs/benchmarks.md, "Suggestion time"), and in very many dimensions its candidate
 * search thins out. The switch depends only on the history, so a resumed sweep switches
 * at the same trial.
 */
final class AutoSearcher implements Searcher {
    static final int GP_MAX_OBSERVATIONS = 1000;
    static final int GP_MAX_DIMENSIONS = 64;

    private final Searcher gp;
    private final Searcher tpe;
    private final boolean gpFits;

    AutoSearcher(Searcher gp, Searcher tpe, int dimensions) {
        this.gp = gp;
        this.tpe = tpe;
        this.gpFits = dimensions <= GP_MAX_DIMENSIONS;
    }

    @Override
    public boolean learns() {
        return true;
    }

    @Override
    public List<Config> suggest(int count, History history) {
        boolean useGp = gpFits && history.observations().size() < GP_MAX_OBSERVATIONS;
        return (useGp ? gp : tpe).suggest(count, history);
    }
}
