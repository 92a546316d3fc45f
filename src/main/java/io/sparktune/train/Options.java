package io.sparktune.train;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;

import java.util.Set;

/** Typed reads of a trainable's options, with errors that name the JSON path. */
public final class Options {
    private final PluginSpec spec;
    private final String path;

    public Options(PluginSpec spec, String path) {
        this.spec = spec;
        this.path = path;
    }

    /** Rejects keys that the trainable does not know, which are almost always typos. */
    public Options allow(Set<String> known) {
        for (String key : spec.options().keySet()) {
            if (!known.contains(key)) {
                throw new InvalidInputException(null, path + "." + key,
                        "unknown option for trainable '" + spec.type() + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        return this;
    }

    public String requiredString(String key) {
        Object value = spec.options().get(key);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidInputException(null, path + "." + key, "expected a non-empty string");
        }
        return s;
    }

    public double number(String key, double fallback, double min) {
        Object value = spec.options().get(key);
        // Absent takes the default; an explicit null is a mistake like any other wrong type.
        if (!spec.options().containsKey(key)) {
            return fallback;
        }
        if (!(value instanceof Number n) || !(n.doubleValue() >= min)) {
            throw new InvalidInputException(null, path + "." + key, "expected a number >= " + min + ", got " + PluginSpec.show(value));
        }
        return n.doubleValue();
    }

    public boolean flag(String key) {
        Object value = spec.options().get(key);
        if (spec.options().containsKey(key) && !(value instanceof Boolean)) {
            throw new InvalidInputException(null, path + "." + key, "expected true or false, got " + PluginSpec.show(value));
        }
        return Boolean.TRUE.equals(value);
    }

    public String path(String key) {
        return path + "." + key;
    }
}
