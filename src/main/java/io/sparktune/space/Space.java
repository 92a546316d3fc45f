package io.sparktune.space;

import io.sparktune.core.Config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a sweep, conditional ones included, and the two ways searchers walk it: the
 * unit cube (one dimension for every parameter anywhere in the tree, inactive ones ignored) and the
 * grid (the cartesian product of every list-like parameter, the last varying fastest).
 */
public final class Space {
    private final List<Parameter> params;
    private final List<Dimension> dimensions;

    /**
     * One coordinate of the unit cube.
     *
     * @param key the parameter's path: its name, or {@code parent=value/name} inside a choice option
     */
    public record Dimension(int index, String key, Parameter parameter) {
    }

    public Space(List<Parameter> params) {
        this.params = List.copyOf(params);
        List<Dimension> dims = new ArrayList<>();
        flatten(this.params, "", dims);
        this.dimensions = List.copyOf(dims);
    }

    private static void flatten(List<Parameter> params, String prefix, List<Dimension> out) {
        for (Parameter p : params) {
            out.add(new Dimension(out.size(), prefix + p.name(), p));
            if (p.domain() instanceof Choice choice) {
                for (Choice.Option option : choice.options()) {
                    flatten(option.params(), prefix + p.name() + "=" + option.value() + "/", out);
                }
            }
        }
    }

    public List<Parameter> params() {
        return params;
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** The config at a point of the unit cube; coordinates of inactive parameters are ignored. */
    public Config fromUnit(double[] unit) {
        if (unit.length != dimensions.size()) {
            throw new IllegalArgumentException("expected " + dimensions.size() + " coordinates, got " + unit.length);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        int[] cursor = {0};
        decodeUnit(params, unit, cursor, true, values);
        return Config.of(values);
    }

    private static void decodeUnit(List<Parameter> params, double[] unit, int[] cursor, boolean active,
                                   Map<String, Object> out) {
        for (Parameter p : params) {
            double u = unit[cursor[0]++];
            Object value = p.domain().fromUnit(u);
            if (active) {
                out.put(p.name(), value);
            }
            if (p.domain() instanceof Choice choice) {
                int chosen = choice.indexAt(u);
                for (int i = 0; i < choice.options().size(); i++) {
                    decodeUnit(choice.options().get(i).params(), unit, cursor, active && i == chosen, out);
                }
            }
        }
    }

    /** Where a config sits in the unit cube: NaN for parameters that the config leaves inactive. */
    public double[] toUnit(Config config) {
        double[] unit = new double[dimensions.size()];
        Arrays.fill(unit, Double.NaN);
        int[] cursor = {0};
        encodeUnit(params, config, cursor, true, unit);
        return unit;
    }

    private static void encodeUnit(List<Parameter> params, Config config, int[] cursor, boolean active, double[] unit) {
        for (Parameter p : params) {
            int index = cursor[0]++;
            boolean present = active && config.has(p.name());
            if (present) {
                unit[index] = p.domain().toUnit(config.get(p.name()));
            }
            if (p.domain() instanceof Choice choice) {
                int chosen = present ? choice.indexOf(config.get(p.name())) : -1;
                for (int i = 0; i < choice.options().size(); i++) {
                    encodeUnit(choice.options().get(i).params(), config, cursor, i == chosen, unit);
                }
            }
        }
    }

    /**
     * Whether a config (from another sweep, say) is one this space can produce: decoding its own
     * unit point gives it back, the same parameters with the same values (numbers to 1e-9
     * relative). Values out of range, off an integer or quantised grid, unknown options and missing
     * or extra parameters all fail that.
     */
    public boolean admits(Config config) {
        double[] unit;
        try {
            unit = toUnit(config);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (int j = 0; j < unit.length; j++) {
            if (Double.isNaN(unit[j])) {
                unit[j] = 0.5;
            }
        }
        Map<String, Object> decoded = fromUnit(unit).values();
        if (!decoded.keySet().equals(config.values().keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> entry : decoded.entrySet()) {
            Object given = config.get(entry.getKey());
            boolean same = entry.getValue() instanceof Number a && given instanceof Number b
                    ? Math.abs(a.doubleValue() - b.doubleValue()) <= 1e-9 * Math.max(1, Math.abs(a.doubleValue()))
                    : entry.getValue().equals(given);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Whether every parameter that can be active has a finite list of values. */
    public boolean isFinite() {
        return dimensions.stream().allMatch(d -> !d.parameter().domain().gridValues().isEmpty());
    }

    /** How many points the grid has; sampled parameters count once. */
    public BigInteger gridSize() {
        return count(params);
    }

    private static BigInteger count(List<Parameter> params) {
        BigInteger total = BigInteger.ONE;
        for (Parameter p : params) {
            total = total.multiply(count(p));
        }
        return total;
    }

    private static BigInteger count(Parameter p) {
        if (p.domain() instanceof Choice choice) {
            BigInteger sum = BigInteger.ZERO;
            for (Choice.Option option : choice.options()) {
                sum = sum.add(count(option.params()));
            }
            return sum;
        }
        List<Object> values = p.domain().gridValues();
        return BigInteger.valueOf(Math.max(1, values.size()));
    }

    /**
     * Grid point {@code index}: list-like parameters take their place in the cartesian product, and
     * sampled ones take their value from {@code unit}, a point of the unit cube.
     */
    public Config gridPoint(long index, double[] unit) {
        Map<String, Object> values = new LinkedHashMap<>();
        decodeGrid(params, BigInteger.valueOf(index), unit, 0, values);
        return Config.of(values);
    }

    /** Decodes the mixed-radix index, last parameter fastest, into {@code out}. */
    private void decodeGrid(List<Parameter> ps, BigInteger index, double[] unit, int firstDim, Map<String, Object> out) {
        int[] dimOf = new int[ps.size()];
        int dim = firstDim;
        for (int i = 0; i < ps.size(); i++) {
            dimOf[i] = dim;
            dim += subtreeSize(ps.get(i));
        }
        BigInteger[] digits = new BigInteger[ps.size()];
        BigInteger rest = index;
        for (int i = ps.size() - 1; i >= 0; i--) {
            BigInteger[] qr = rest.divideAndRemainder(count(ps.get(i)));
            digits[i] = qr[1];
            rest = qr[0];
        }
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            if (p.domain() instanceof Choice choice) {
                BigInteger digit = digits[i];
                int optionDim = dimOf[i] + 1;
                for (Choice.Option option : choice.options()) {
                    BigInteger size = count(option.params());
                    if (digit.compareTo(size) < 0) {
                        out.put(p.name(), option.value());
                        decodeGrid(option.params(), digit, unit, optionDim, out);
                        break;
                    }
                    digit = digit.subtract(size);
                    optionDim += subtreeSize(option.params());
                }
            } else {
                List<Object> values = p.domain().gridValues();
                out.put(p.name(), values.isEmpty() ? p.domain().fromUnit(unit[dimOf[i]]) : values.get(digits[i].intValueExact()));
            }
        }
    }

    private static int subtreeSize(Parameter p) {
        int size = 1;
        if (p.domain() instanceof Choice choice) {
            for (Choice.Option option : choice.options()) {
                size += subtreeSize(option.params());
            }
        }
        return size;
    }

    private static int subtreeSize(List<Parameter> ps) {
        int size = 0;
        for (Parameter p : ps) {
            size += subtreeSize(p);
        }
        return size;
    }
}
