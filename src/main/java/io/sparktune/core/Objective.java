package io.sparktune.core;

import java.io.Serializable;
import java.util.OptionalDouble;

/** The metric a sweep optimises and in which direction. */
public record Objective(String metric, Mode mode) implements Serializable {

    public enum Mode {
        MIN, MAX;

        public static Mode parse(String text) {
            return switch (text) {
                case "min" -> MIN;
                case "max" -> MAX;
                default -> throw new IllegalArgumentException("mode must be 'min' or 'max', got '" + text + "'");
            };
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The value to minimise: the metric itself, or its negation when the sweep maximises. */
    public double loss(double metricValue) {
        return mode == Mode.MIN ? metricValue : -metricValue;
    }

    /** The objective of a result that may learn from it, empty for failures and missing metrics. */
    public OptionalDouble valueOf(TrialResult result) {
        if (!result.status().hasObjective()) {
            return OptionalDouble.empty();
        }
        Double value = result.metrics().get(metric);
        return value == null || value.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    public boolean better(double candidate, double incumbent) {
        return loss(candidate) < loss(incumbent);
    }
}
