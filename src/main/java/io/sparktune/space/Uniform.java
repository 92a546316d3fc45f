package io.sparktune.space;

/** Real values spread evenly over [low, high]. */
public record Uniform(double low, double high) implements Domain {
    @Override
    public Object fromUnit(double u) {
        return low + Domain.clampUnit(u) * (high - low);
    }

    @Override
    public double toUnit(Object value) {
        return (Domain.asDouble(value) - low) / (high - low);
    }
}
