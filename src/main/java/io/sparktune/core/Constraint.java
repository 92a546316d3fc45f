package io.sparktune.core;

import java.io.Serializable;
import java.util.Locale;

/**
 * A bound a feasible trial's metric must keep: {@code min <= value <= max}, with an infinite bound
 * where the spec gives none.
 */
public record Constraint(String metric, double min, double max) implements Serializable {

    /** How far {@code value} lies outside the bounds; 0 when it keeps them. */
    public double violation(double value) {
        return Math.max(0, min - value) + Math.max(0, value - max);
    }

    /**
     * How far {@code value} lies past its nearer bound: positive when it breaks one (then equal to
     * {@link #violation}), negative by the room left when it keeps both.
     */
    public double margin(double value) {
        return Math.max(min - value, value - max);
    }

    /** As the CLI's flag writes it: {@code memory_mb<=2048}, {@code recall>=0.9}, or both. */
    public String label() {
        String lower = Double.isInfinite(min) ? "" : metric + ">=" + number(min);
        String upper = Double.isInfinite(max) ? "" : metric + "<=" + number(max);
        return lower.isEmpty() ? upper : upper.isEmpty() ? lower : lower + " and " + upper;
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%d", (long) value) : Double.toString(value);
    }
}
