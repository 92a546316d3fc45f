package io.sparktune.search;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;

import java.util.List;

/** Typed reads of a searcher's options, with errors that name the JSON path. */
final class SearcherOptions {
    private final PluginSpec spec;
    private final String path;

    SearcherOptions(PluginSpec spec, String path, List<String> known) {
        this.spec = spec;
        this.path = path;
        spec.requireKnownOptions(path, "searcher", known);
    }

    int integer(String key, int fallback, int min) {
        Object value = spec.options().get(key);
        // Absent takes the default; an explicit null is a mistake like any other wrong type.
        if (!spec.options().containsKey(key)) {
            return fallback;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < min
                || n.doubleValue() > Integer.MAX_VALUE) {
            throw new InvalidInputException(null, path + "." + key, "expected a whole number >= " + min + ", got " + PluginSpec.show(value));
        }
        return n.intValue();
    }

    double number(String key, double fallback, double exclusiveMin) {
        Object value = spec.options().get(key);
        if (!spec.options().containsKey(key)) {
            return fallback;
        }
        if (!(value instanceof Number n) || !(n.doubleValue() > exclusiveMin) || !Double.isFinite(n.doubleValue())) {
            throw new InvalidInputException(null, path + "." + key, "expected a number > " + exclusiveMin + ", got " + PluginSpec.show(value));
        }
        return n.doubleValue();
    }

    InvalidInputException invalid(String key, String problem) {
        return new InvalidInputException(null, path + "." + key, problem);
    }
}
