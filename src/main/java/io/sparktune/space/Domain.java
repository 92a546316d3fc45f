package io.sparktune.space;

import java.util.List;

/**
 * The values one parameter may take. Every domain maps the unit interval onto its values, which is
 * how random, quasi-random and model-based searchers all sample it.
 */
public sealed interface Domain permits Uniform, LogUniform, QUniform, IntRange, Normal, Choice, GridList, Fixed {

    /** The value at position {@code u} in [0, 1]. */
    Object fromUnit(double u);

    /** Where {@code value} sits in [0, 1]; the inverse of {@link #fromUnit} up to rounding. */
    double toUnit(Object value);

    /** The finite list of values a grid expands, or empty when the domain is sampled. */
    default List<Object> gridValues() {
        return List.of();
    }

    /** Whether nearby unit positions mean similar values (false for unordered categories). */
    default boolean ordered() {
        return true;
    }

    static double clampUnit(double u) {
        return Math.min(Math.max(u, 0.0), Math.nextDown(1.0));
    }

    static double asDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("not a number: " + value);
    }
}
