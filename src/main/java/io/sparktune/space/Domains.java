package io.sparktune.space;

import io.sparktune.core.InvalidInputException;

/** Builds domains from numbers that a user wrote, refusing empty, inverted and impossible ranges. */
final class Domains {
    private Domains() {
    }

    static Uniform uniform(double low, double high, String path) {
        finite(path, low, high);
        ordered(low, high, path);
        return new Uniform(low, high);
    }

    static LogUniform logUniform(double low, double high, String path) {
        finite(path, low, high);
        if (low <= 0) {
            throw new InvalidInputException(null, path, "lower bound must be > 0, got " + low);
        }
        ordered(low, high, path);
        return new LogUniform(low, high);
    }

    static QUniform quniform(double low, double high, double q, String path) {
        finite(path, low, high, q);
        ordered(low, high, path);
        if (q <= 0) {
            throw new InvalidInputException(null, path, "q must be > 0, got " + q);
        }
        return new QUniform(low, high, q);
    }

    static IntRange intRange(long low, long high, boolean log, String path) {
        if (low > high) {
            throw new InvalidInputException(null, path, "lower bound " + low + " must not exceed upper bound " + high);
        }
        if (log && low < 1) {
            throw new InvalidInputException(null, path, "lower bound must be >= 1 for a log range, got " + low);
        }
        return new IntRange(low, high, log);
    }

    static Normal normal(double mu, double sigma, String path) {
        finite(path, mu, sigma);
        if (sigma <= 0) {
            throw new InvalidInputException(null, path, "sigma must be > 0, got " + sigma);
        }
        return new Normal(mu, sigma);
    }

    /** Samples are low + u * (high - low): that width must be a finite number too. */
    private static void ordered(double low, double high, String path) {
        if (!(low < high)) {
            throw new InvalidInputException(null, path, "lower bound " + low + " must be below upper bound " + high);
        }
        if (!Double.isFinite(high - low)) {
            throw new InvalidInputException(null, path, "the range from " + low + " to " + high + " is too wide");
        }
    }

    private static void finite(String path, double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException(null, path, "bounds must be finite numbers, got " + v);
            }
        }
    }
}
