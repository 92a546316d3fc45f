package io.sparktune.spec;

import io.sparktune.core.Objective;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags that replace parts of a space file, kept with the flag that set them so an error in a flag's
 * value is reported against the flag, not the file. Each setter is one row of the flag table: the
 * single values in {@link SpecFlag}, and the few flags that set more than one value or a named one.
 */
public final class Overrides {

    /**
     * @param path  where in the spec the value goes, e.g. {@code ["budget", "maxTrials"]}
     * @param value a String, Number, Boolean or list of Strings; a String under {@code params} is a
     *              parameter spec (shorthand, or a JSON object when it starts with '{')
     */
    public record Override(String flag, List<String> path, Object value) {
    }

    private final List<Override> overrides = new ArrayList<>();

    /** Sets the flag's value; a null value (a flag not given) sets nothing. */
    public Overrides set(SpecFlag flag, Object value) {
        return add(flag.flag(), value, flag.path());
    }

    /** {@code --param NAME=SPEC}: adds or replaces a parameter. */
    public Overrides param(String name, String spec) {
        return add("--param " + name, spec, List.of("params", name));
    }

    /** {@code --min METRIC} or {@code --max METRIC}: the metric and its mode in one flag. */
    public Overrides optimise(String metric, Objective.Mode mode) {
        String flag = "--" + mode.label();
        add(flag, metric, SpecFlag.METRIC.path());
        return add(flag, mode.label(), SpecFlag.MODE.path());
    }

    /** {@code --command LINE}, split into words: the {@code command} trainable running that program. */
    Overrides command(List<String> argv) {
        add("--command", "command", List.of("trainable", "type"));
        return add("--command", argv, List.of("trainable", "argv"));
    }

    /** These overrides, then {@code later}'s, which win where both set a value. */
    Overrides then(Overrides later) {
        Overrides both = new Overrides();
        both.overrides.addAll(overrides);
        both.overrides.addAll(later.overrides);
        return both;
    }

    private Overrides add(String flag, Object value, List<String> path) {
        if (value != null) {
            overrides.add(new Override(flag, path, value));
        }
        return this;
    }

    public List<Override> all() {
        return List.copyOf(overrides);
    }
}
