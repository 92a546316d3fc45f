package io.sparktune.spec;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** The value of an override that takes a key out of the spec, as {@code --objective} takes out the file's metric and mode. */
    public static final Object REMOVED = new Object();

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

    /**
     * {@code --objective NAME:min|max}, each flag one objective in order: the spec's
     * {@code objectives}, in place of the file's {@code metric} and {@code mode}. A value with no {@code :min} or {@code :max} is refused here, against the flag.
     */
    public Overrides objectives(List<String> flags) {
        List<Map<String, String>> objectives = new ArrayList<>();
        for (String flag : flags) {
            int colon = flag.lastIndexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("--objective", flag, "expected NAME:min or NAME:max, e.g. latency_ms:min");
            }
            objectives.add(Map.of("metric", flag.substring(0, colon), "mode", flag.substring(colon + 1)));
        }
        if (objectives.isEmpty()) {
            return this;
        }
        add("--objective", REMOVED, SpecFlag.METRIC.path());
        add("--objective", REMOVED, SpecFlag.MODE.path());
        return add("--objective", objectives, List.of("objectives"));
    }

    /**
     * {@code --constraint 'NAME<=V'} or {@code 'NAME>=V'}: the spec's {@code constraints}. A bound
     * that is not a number goes on as text, for the spec's one check of bounds to refuse.
     */
    public Overrides constraints(List<String> flags) {
        List<Map<String, Object>> constraints = new ArrayList<>();
        for (String flag : flags) {
            int at = flag.indexOf("<=") > 0 ? flag.indexOf("<=") : flag.indexOf(">=");
            if (at <= 0) {
                throw new InvalidInputException("--constraint", flag, "expected NAME<=V or NAME>=V, e.g. memory_mb<=2048");
            }
            String bound = flag.substring(at + 2).trim();
            Object value;
            try {
                value = Double.parseDouble(bound);
            } catch (NumberFormatException e) {
                value = bound;
            }
            constraints.add(Map.of("metric", flag.substring(0, at).trim(), flag.charAt(at) == '<' ? "max" : "min", value));
        }
        return add("--constraint", constraints.isEmpty() ? null : constraints, List.of("constraints"));
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
