package io.sparktune.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line flags that replace parts of a space file, kept with the flag that set them so an
 * error in a flag's value is reported against the flag, not the file.
 */
public final class Overrides {

    /**
     * @param path  where in the spec the value goes, e.g. {@code ["budget", "maxTrials"]}
     * @param value a String, Number or Boolean; a String under {@code params} is a parameter spec
     *              (shorthand, or a JSON object when it starts with '{')
     */
    public record Override(String flag, List<String> path, Object value) {
    }

    private final List<Override> overrides = new ArrayList<>();

    public Overrides set(String flag, Object value, String... path) {
        if (value != null) {
            overrides.add(new Override(flag, List.of(path), value));
        }
        return this;
    }

    public List<Override> all() {
        return List.copyOf(overrides);
    }
}
