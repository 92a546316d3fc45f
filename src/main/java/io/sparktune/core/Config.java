package io.sparktune.core;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameter values of one trial: immutable, ordered as the space declares them.
 *
 * <p>Values are {@link Double}, {@link Long}, {@link String}, {@link Boolean} or an immutable
 * {@link java.util.List} of those, which is all a space can produce.
 */
public final class Config implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Object> values;
    private transient int hash;

    private Config(LinkedHashMap<String, Object> values) {
        this.values = values;
    }

    public static Config of(Map<String, ?> values) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
        return new Config(copy);
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("config has no parameter '" + name + "' (has " + values.keySet() + ")");
        }
        return value;
    }

    public double getDouble(String name) {
        Object value = get(name);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException("parameter '" + name + "' is not a number: " + value);
    }

    public double getDouble(String name, double fallback) {
        return has(name) ? getDouble(name) : fallback;
    }

    public long getLong(String name) {
        double value = getDouble(name);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not a whole number: " + value);
        }
        return (long) value;
    }

    public long getLong(String name, long fallback) {
        return has(name) ? getLong(name) : fallback;
    }

    public String getString(String name) {
        return String.valueOf(get(name));
    }

    public String getString(String name, String fallback) {
        return has(name) ? getString(name) : fallback;
    }

    /** A copy with one value replaced or added, for explore steps that perturb a config. */
    public Config with(String name, Object value) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Config(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        // Searchers put every observed config in a hash set on each suggestion; a map's hash walks
        // all its entries, so it is kept, as String keeps its own.
        int h = hash;
        if (h == 0) {
            h = values.hashCode();
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(out.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return out.toString();
    }
}
