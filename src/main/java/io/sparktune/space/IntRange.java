package io.sparktune.space;

/** Whole numbers from low to high, both included; spread evenly, or evenly in log scale when {@code log}. */
public record IntRange(long low, long high, boolean log) implements Domain {
    @Override
    public Object fromUnit(double u) {
        double unit = Domain.clampUnit(u);
        long value = log
                ? (long) Math.floor(Math.exp(Math.log(low) + unit * (Math.log(high + 1.0) - Math.log(low))))
                : low + (long) Math.floor(unit * (high - low + 1.0));
        return Math.min(Math.max(value, low), high);
    }

    @Override
    public double toUnit(Object value) {
        double v = Domain.asDouble(value);
        return log
                ? (Math.log(v + 0.5) - Math.log(low)) / (Math.log(high + 1.0) - Math.log(low))
                : (v - low + 0.5) / (high - low + 1.0);
    }
}
