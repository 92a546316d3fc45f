package io.sparktune.space;

/** Uniform over [low, high], rounded to a multiple of q. */
public record QUniform(double low, double high, double q) implements Domain {
    @Override
    public Object fromUnit(double u) {
        double raw = low + Domain.clampUnit(u) * (high - low);
        double rounded = Math.round(raw / q) * q;
        return Math.min(Math.max(rounded, low), high);
    }

    @Override
    public double toUnit(Object value) {
        return (Domain.asDouble(value) - low) / (high - low);
    }
}
