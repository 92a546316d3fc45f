package io.sparktune.train.function;

import io.sparktune.core.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Standard test functions for optimisers, to minimise. Their inputs are the parameters x0, x1, ...
 * ({@code noisy} takes {@code x} and an optional {@code noise}).
 */
public enum BenchmarkFunction {
    /** Branin-Hoo on x0 in [-5, 10], x1 in [0, 15]; three global minima of 0.397887. */
    BRANIN(2, 2, 0.397887357729739) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double a = 1, b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, r = 6, s = 10, t = 1 / (8 * Math.PI);
            double term = x[1] - b * x[0] * x[0] + c * x[0] - r;
            return a * term * term + s * (1 - t) * Math.cos(x[0]) + s;
        }
    },
    /** Hartmann 6-d on [0, 1]^6; minimum -3.32237. */
    HARTMANN6(6, 6, -3.322368011391339) {
        private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
        private static final double[][] A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
        private static final double[][] P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    inner += A[i][j] * (x[j] - P[i][j]) * (x[j] - P[i][j]);
                }
                sum += ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        }
    },
    /** Levy in any dimension on [-10, 10]^d; minimum 0 at (1, ..., 1). */
    LEVY(1, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            int d = x.length;
            double[] w = new double[d];
            for (int i = 0; i < d; i++) {
                w[i] = 1 + (x[i] - 1) / 4;
            }
            double sum = Math.pow(Math.sin(Math.PI * w[0]), 2);
            for (int i = 0; i < d - 1; i++) {
                sum += Math.pow(w[i] - 1, 2) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
            }
            return sum + Math.pow(w[d - 1] - 1, 2) * (1 + Math.pow(Math.sin(2 * Math.PI * w[d - 1]), 2));
        }
    },
    /** Rosenbrock in any dimension from 2; minimum 0 at (1, ..., 1). */
    ROSENBROCK(2, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = 0;
            for (int i = 0; i < x.length - 1; i++) {
                sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
            }
            return sum;
        }
    },
    /** Guild AI's sample train.py: sin(5x)(1 - tanh(x^2)) + noise N(0, 1); minimum -0.90943 at x = -0.28922. */
    NOISY(0, 0, -0.9094298025325591) {
        @Override
        double evaluate(double[] unused, Config config, long seed) {
            double x = config.getDouble("x");
            double noise = config.getDouble("noise", 0.1);
            double gaussian = noise == 0 ? 0 : new SplittableRandom(seed).nextGaussian();
            return Math.sin(5 * x) * (1 - Math.tanh(x * x)) + noise * gaussian;
        }
    };

    private final int minDimensions;
    private final int maxDimensions;
    private final double minimum;

    BenchmarkFunction(int minDimensions, int maxDimensions, double minimum) {
        this.minDimensions = minDimensions;
        this.maxDimensions = maxDimensions;
        this.minimum = minimum;
    }

    abstract double evaluate(double[] x, Config config, long seed);

    /** The global minimum, for simple regret. */
    public double minimum() {
        return minimum;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static BenchmarkFunction byLabel(String label) {
        for (BenchmarkFunction f : values()) {
            if (f.label().equals(label)) {
                return f;
            }
        }
        return null;
    }

    /** The parameter names this function reads, given the names a space defines. */
    List<String> inputs(java.util.Collection<String> defined) {
        List<String> names = new ArrayList<>();
        if (this == NOISY) {
            names.add("x");
            if (defined.contains("noise")) {
                names.add("noise");
            }
            return names;
        }
        int d = 0;
        while (d < maxDimensions && defined.contains("x" + d)) {
            names.add("x" + d++);
        }
        return names;
    }

    /** Why a space does not suit this function, or null when it does. */
    String mismatch(java.util.Collection<String> defined) {
        int d = inputs(defined).size();
        if (this == NOISY) {
            return defined.contains("x") ? null : "noisy needs a parameter x";
        }
        if (d < minDimensions) {
            return label() + " needs parameters x0..x" + (minDimensions - 1) + (maxDimensions == minDimensions ? "" : " at least")
                    + " (the space defines " + d + " of them)";
        }
        return null;
    }

    public double evaluate(Config config, long seed) {
        List<String> names = inputs(config.values().keySet());
        double[] x = new double[names.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = config.getDouble(names.get(i));
        }
        return evaluate(x, config, seed);
    }
}
