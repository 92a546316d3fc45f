package io.sparktune.space;

/** Real values whose logarithm is uniform over [log low, log high]: learning rates, regularisers. */
public record LogUniform(double low, double high) implements Domain {
    @Override
    public Object fromUnit(double u) {
        return Math.exp(Math.log(low) + Domain.clampUnit(u) * (Math.log(high) - Math.log(low)));
    }

    @Override
    public double toUnit(Object value) {
        return (Math.log(Domain.asDouble(value)) - Math.log(low)) / (Math.log(high) - Math.log(low));
    }
}
