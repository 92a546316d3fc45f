package io.sparktune.train;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** A string option, or null when it is not set. */
    public String optionalString(String key) {
        return spec.options().containsKey(key) ? requiredString(key) : null;
    }

    /** A non-empty array of strings. */
    public List<String> stringList(String key) {
        if (!(spec.options().get(key) instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidInputException(null, path(key), "expected a non-empty array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw new InvalidInputException(null, path(key) + "[" + i + "]", "expected a string, got " + list.get(i));
            }
            strings.add(s);
        }
        return strings;
    }

    /** An object of string values, or an empty map when the option is not set. */
    public Map<String, String> stringMap(String key) {
        Object value = spec.options().get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(null, path(key), "expected an object of strings");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!(v instanceof String s)) {
                throw new InvalidInputException(null, path(key) + "." + k, "expected a string, got " + v);
            }
            strings.put((String) k, s);
        });
        return strings;
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
