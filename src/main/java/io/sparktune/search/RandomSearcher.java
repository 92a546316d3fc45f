package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.space.Space;

import java.util.ArrayList;
import java.util.List;

/** Independent uniform draws in the unit cube: trial i's config depends only on the seed and i. */
final class RandomSearcher implements Searcher {
    private final Space space;
    private final long seed;

    RandomSearcher(Space space, long seed) {
        this.space = space;
        this.seed = seed;
    }

    @Override
    public List<Config> suggest(int count, History history) {
        List<Config> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(space.fromUnit(UnitStreams.uniform(seed, history.created() + i, space.dimensions().size())));
        }
        return out;
    }
}
