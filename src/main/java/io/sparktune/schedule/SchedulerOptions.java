package io.sparktune.schedule;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;

import java.util.List;

/** Typed reads of a scheduler's options, with errors that name the JSON path. */
final class SchedulerOptions {
    private final PluginSpec spec;
    private final String path;

    SchedulerOptions(PluginSpec spec, String path, List<String> known) {
        this.spec = spec;
        this.path = path;
        spec.requireKnownOptions(path, "scheduler", known);
    }

    long whole(String key, long fallback, long min) {
        Object value = spec.options().get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Long n) || n < min) {
            throw invalid(key, "expected a whole number >= " + min + ", got " + value);
        }
        return n;
    }

    long required(String key, long min) {
        if (!spec.options().containsKey(key)) {
            throw invalid(key, "missing: expected a whole number >= " + min);
        }
        return whole(key, min, min);
    }

    double number(String key, double fallback, double min, double max) {
        Object value = spec.options().get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
            throw invalid(key, "expected a number from " + min + " to " + max + ", got " + value);
        }
        return n.doubleValue();
    }

    /** A non-empty list of distinct strings, or null when the option is absent. */
    List<String> names(String key) {
        Object value = spec.options().get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)
                || list.stream().distinct().count() != list.size()) {
            throw invalid(key, "expected a non-empty list of distinct parameter names, got " + PluginSpec.show(value));
        }
        return list.stream().map(String.class::cast).toList();
    }

    InvalidInputException invalid(String key, String problem) {
        return new InvalidInputException(null, path + "." + key, problem);
    }
}
