package io.sparktune.core;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * A trainable, searcher or scheduler as the space file names it: its type and its other keys as
 * plain Java values (maps, lists, strings, numbers, booleans). It lives only while the spec is read:
 * the box of that type validates it into typed options, and only those go on to the driver loop and
 * the executors.
 */
public record PluginSpec(String type, Map<String, Object> options) {
    public PluginSpec {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    public static PluginSpec of(String type) {
        return new PluginSpec(type, Map.of());
    }

    /**
     * Refuses the first option not in {@code known}, naming its JSON path and the options there are.
     *
     * @param kind what the type is, for the message: "searcher", "scheduler"
     */
    public void requireKnownOptions(String path, String kind, Collection<String> known) {
        options.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
            throw new InvalidInputException(null, path + "." + key, "unknown option for " + kind + " '" + type + "'"
                    + (known.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
        });
    }

    /** An option's value as an error message shows it: strings quoted, so that "5" and 5 read differently. */
    public static String show(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
