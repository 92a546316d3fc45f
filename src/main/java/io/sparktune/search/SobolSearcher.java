package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.space.Space;
import org.hipparchus.random.SobolSequenceGenerator;

import java.util.ArrayList;
import java.util.List;

/**
 * The Sobol low-discrepancy sequence, shifted at random by the seed (Cranley-Patterson rotation) so
 * that different seeds give different, equally even, designs.
 */
final class SobolSearcher implements Searcher {
    /** Hipparchus ships direction numbers for this many dimensions. */
    static final int MAX_DIMENSIONS = 1000;

    private final Space space;
    private final double[] shift;

    SobolSearcher(Space space, long seed) {
        this.space = space;
        this.shift = UnitStreams.uniform(seed, -1, space.dimensions().size());
    }

    @Override
    public List<Config> suggest(int count, History history) {
        List<Config> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(pointAt(history.created() + i));
        }
        return out;
    }

    /** Trial {@code index}'s point of the shifted sequence. */
    Config pointAt(int index) {
        int d = space.dimensions().size();
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
        sobol.skipTo(index + 1);
        double[] point = sobol.nextVector();
        for (int j = 0; j < d; j++) {
            point[j] = (point[j] + shift[j]) % 1.0;
        }
        return space.fromUnit(point);
    }
}
