package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.space.Space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Every point of the cartesian product of the list-like parameters, once, in order; parameters
 * that are sampled take a random value at each point.
 */
final class GridSearcher implements Searcher {
    private final Space space;
    private final long seed;
    private final long size;

    GridSearcher(Space space, long seed) {
        this.space = space;
        this.seed = seed;
        BigInteger points = space.gridSize();
        this.size = points.bitLength() < 63 ? points.longValue() : Long.MAX_VALUE;
    }

    @Override
    public List<Config> suggest(int count, History history) {
        List<Config> out = new ArrayList<>(count);
        for (long index = history.created(); index < size && out.size() < count; index++) {
            double[] unit = UnitStreams.uniform(seed, (int) index, space.dimensions().size());
            out.add(space.gridPoint(index, unit));
        }
        return out;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(size);
    }
}
