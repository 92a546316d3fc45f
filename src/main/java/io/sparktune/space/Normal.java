package io.sparktune.space;

import org.hipparchus.distribution.continuous.NormalDistribution;

/** Normally distributed real values: unbounded, centred on mu. */
public record Normal(double mu, double sigma) implements Domain {
    /** Keeps samples finite: the unit interval's ends would map to infinities. */
    private static final double EDGE = 1e-9;

    @Override
    public Object fromUnit(double u) {
        double p = Math.min(Math.max(u, EDGE), 1 - EDGE);
        return new NormalDistribution(mu, sigma).inverseCumulativeProbability(p);
    }

    @Override
    public double toUnit(Object value) {
        return new NormalDistribution(mu, sigma).cumulativeProbability(Domain.asDouble(value));
    }
}
