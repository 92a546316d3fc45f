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
    /** Six-hump camel on x0 in [-3, 3], x1 in [-2, 2]; two global minima of -1.031628 at ±(0.0898, -0.7126). */
    SIXHUMPCAMEL(2, 2, -1.0316284534898774) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double a = x[0] * x[0];
            double b = x[1] * x[1];
            return (4 - 2.1 * a + a * a / 3) * a + x[0] * x[1] + (-4 + 4 * b) * b;
        }
    },
    /** Goldstein-Price on [-2, 2]^2; minimum 3 at (0, -1), values up to about 1e6. */
    GOLDSTEINPRICE(2, 2, 3) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double u = x[0] + x[1] + 1;
            double v = 2 * x[0] - 3 * x[1];
            double first = 1 + u * u * (19 - 14 * x[0] + 3 * x[0] * x[0] - 14 * x[1] + 6 * x[0] * x[1] + 3 * x[1] * x[1]);
            double second = 30 + v * v * (18 - 32 * x[0] + 12 * x[0] * x[0] + 48 * x[1] - 36 * x[0] * x[1] + 27 * x[1] * x[1]);
            return first * second;
        }
    },
    /** Shekel with m = 10 on [0, 10]^4; ten basins, the deepest -10.53644 near (4.0007, 3.9995, 4.0007, 3.9995). */
    SHEKEL(4, 4, -10.53644315348353) {
        private static final double[] BETA = {1, 2, 2, 4, 4, 6, 3, 7, 5, 5};
        private static final double[][] C = {
            {4, 1, 8, 6, 3, 2, 5, 8, 6, 7}, {4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6},
            {4, 1, 8, 6, 3, 2, 5, 8, 6, 7}, {4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6}};

        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = 0;
            for (int i = 0; i < BETA.length; i++) {
                double distance = 0;
                for (int j = 0; j < 4; j++) {
                    distance += (x[j] - C[j][i]) * (x[j] - C[j][i]);
                }
                sum += 1 / (distance + BETA[i] / 10.0);
            }
            return -sum;
        }
    },
    /**
     * Michalewicz (m = 10) in any dimension on [0, pi]^d: steep narrow valleys, d! local minima. The
     * minimum depends on d (-1.8013 at 2, -4.687658 at 5, -9.66015 at 10), so {@link #minimum()} is NaN.
     */
    MICHALEWICZ(1, Integer.MAX_VALUE, Double.NaN) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += Math.sin(x[i]) * Math.pow(Math.sin((i + 1) * x[i] * x[i] / Math.PI), 20);
            }
            return -sum;
        }
    },
    /** Rastrigin in any dimension: a regular grid of local minima; minimum 0 at the origin. */
    RASTRIGIN(1, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = 10 * x.length;
            for (double v : x) {
                sum += v * v - 10 * Math.cos(2 * Math.PI * v);
            }
            return sum;
        }
    },
    /** Griewank in any dimension: a bowl with small ripples; minimum 0 at the origin. */
    GRIEWANK(1, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = 0;
            double product = 1;
            for (int i = 0; i < x.length; i++) {
                sum += x[i] * x[i] / 4000;
                product *= Math.cos(x[i] / Math.sqrt(i + 1));
            }
            return sum - product + 1;
        }
    },
    /**
     * Schwefel in any dimension on [-500, 500]^d: the best basin at 420.9687 in every coordinate, far
     * from the second best. Offset so that the minimum is 0 to within 1e-9 per coordinate.
     */
    SCHWEFEL(1, Integer.MAX_VALUE, 0) {
        private static final double PER_COORDINATE = 418.98288727243369;

        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = PER_COORDINATE * x.length;
            for (double v : x) {
                sum -= v * Math.sin(Math.sqrt(Math.abs(v)));
            }
            return sum;
        }
    },
    /** Powell's singular function in a multiple of 4 dimensions; minimum 0 at the origin, singular Hessian there. */
    POWELL(4, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = 0;
            for (int i = 0; i + 3 < x.length; i += 4) {
                sum += Math.pow(x[i] + 10 * x[i + 1], 2) + 5 * Math.pow(x[i + 2] - x[i + 3], 2)
                        + Math.pow(x[i + 1] - 2 * x[i + 2], 4) + 10 * Math.pow(x[i] - x[i + 3], 4);
            }
            return sum;
        }
    },
    /** Dixon-Price in any dimension from 2; minimum 0 at x_i = 2^(-(2^i - 2) / 2^i), i = 1..d. */
    DIXONPRICE(2, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = (x[0] - 1) * (x[0] - 1);
            for (int i = 1; i < x.length; i++) {
                sum += (i + 1) * Math.pow(2 * x[i] * x[i] - x[i - 1], 2);
            }
            return sum;
        }
    },
    /** Zakharov in any dimension: a plate with a quartic ridge; minimum 0 at the origin. */
    ZAKHAROV(1, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double squares = 0;
            double weighted = 0;
            for (int i = 0; i < x.length; i++) {
                squares += x[i] * x[i];
                weighted += 0.5 * (i + 1) * x[i];
            }
            return squares + weighted * weighted + Math.pow(weighted, 4);
        }
    },
    /** BBOB f2's separable ellipsoid without its shift and oscillation: condition 1e6; minimum 0 at the origin. */
    ELLIPSOID(2, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += Math.pow(1e6, i / (x.length - 1.0)) * x[i] * x[i];
            }
            return sum;
        }
    },
    /** BBOB f13's sharp ridge without its rotations: x0^2 + 100 |(x1, ..., x_d-1)|; minimum 0 at the origin. */
    SHARPRIDGE(2, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double rest = 0;
            for (int i = 1; i < x.length; i++) {
                rest += x[i] * x[i];
            }
            return x[0] * x[0] + 100 * Math.sqrt(rest);
        }
    },
    /** BBOB f14's different powers without its rotation: sqrt(sum |x_i|^(2 + 4i/(d-1))); minimum 0 at the origin. */
    DIFFERENTPOWERS(2, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += Math.pow(Math.abs(x[i]), 2 + 4 * i / (x.length - 1.0));
            }
            return Math.sqrt(sum);
        }
    },
    /** Ackley in any dimension: a nearly flat plate of ripples around a deep funnel; minimum 0 at the origin. */
    ACKLEY(1, Integer.MAX_VALUE, 0) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double squares = 0;
            double cosines = 0;
            for (double v : x) {
                squares += v * v;
                cosines += Math.cos(2 * Math.PI * v);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt(squares / x.length)) - Math.exp(cosines / x.length) + 20 + Math.E;
        }
    },
    /**
     * Styblinski-Tang in any dimension on [-5, 5]^d; minimum -39.16617 d at x_i = -2.903534, so
     * {@link #minimum()} is NaN.
     */
    STYBLINSKITANG(1, Integer.MAX_VALUE, Double.NaN) {
        @Override
        double evaluate(double[] x, Config config, long seed) {
            double sum = 0;
            for (double v : x) {
                sum += v * v * v * v - 16 * v * v + 5 * v;
            }
            return sum / 2;
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

    /** The global minimum, for simple regret; NaN where it depends on the number of dimensions. */
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
        if (this == POWELL && d % 4 != 0) {
            return "powell needs a multiple of 4 parameters x0, x1, ... (the space defines " + d + " of them)";
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
