package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.space.Choice;
import io.sparktune.space.Space;

import java.util.List;

/**
 * How model-based searchers see a space: the unit cube of {@link Space#toUnit}, plus which
 * coordinates are unordered categories (compared for equality only, never by distance) and how many
 * levels each has. NaN marks a parameter that a config leaves inactive.
 */
final class UnitEncoding {
    private final Space space;
    private final boolean[] categorical;
    private final int[] levels;

    UnitEncoding(Space space) {
        this.space = space;
        List<Space.Dimension> dims = space.dimensions();
        this.categorical = new boolean[dims.size()];
        this.levels = new int[dims.size()];
        for (Space.Dimension dim : dims) {
            boolean unordered = !dim.parameter().domain().ordered();
            categorical[dim.index()] = unordered;
            levels[dim.index()] = dim.parameter().domain() instanceof Choice choice ? choice.options().size() : 0;
        }
    }

    int dimensions() {
        return categorical.length;
    }

    boolean categorical(int dim) {
        return categorical[dim];
    }

    /** How many options a categorical coordinate has (0 for ordered ones). */
    int levels(int dim) {
        return levels[dim];
    }

    /** The option a categorical coordinate picks, or -1 when inactive. */
    int level(int dim, double u) {
        return Double.isNaN(u) ? -1 : Math.min(levels[dim] - 1, (int) Math.floor(u * levels[dim]));
    }

    double[] encode(Config config) {
        return space.toUnit(config);
    }

    /**
     * The point as the space will actually run it: integers rounded, categories centred on their
     * option, parameters of unchosen options NaN. Two points with the same config encode the same.
     */
    double[] canonical(double[] unit) {
        return space.toUnit(space.fromUnit(unit));
    }

    Config decode(double[] unit) {
        double[] filled = unit.clone();
        for (int j = 0; j < filled.length; j++) {
            if (Double.isNaN(filled[j])) {
                filled[j] = 0.5;
            }
        }
        return space.fromUnit(filled);
    }
}
