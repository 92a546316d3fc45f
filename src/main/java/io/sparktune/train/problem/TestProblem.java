package io.sparktune.train.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Standard multi-objective test problems, every objective to minimise, on inputs x0, x1, ... in
 * [0, 1]. Each reports its objectives as metrics f1, f2 (f3), and C2-DTLZ2 its constraint as c, feasible
 * where c <= 0. The definitions and reference points are BoTorch's (botorch.test_functions.multi_objective),
 * so hypervolumes compare with its tutorials'.
 */
public enum TestProblem {
    /** ZDT1: a convex front f2 = 1 - sqrt(f1); hypervolume at most 120 + 2/3 against (11, 11). */
    ZDT1(2, new double[] {11, 11}) {
        @Override
        double[] objectives(double[] x) {
            double g = zdtG(x);
            return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
        }
    },
    /** ZDT2: a concave front f2 = 1 - f1²; hypervolume at most 120 + 1/3 against (11, 11). */
    ZDT2(2, new double[] {11, 11}) {
        @Override
        double[] objectives(double[] x) {
            double g = zdtG(x);
            return new double[] {x[0], g * (1 - Math.pow(x[0] / g, 2))};
        }
    },
    /** DTLZ2 with three objectives: the front is the unit sphere's octant; hypervolume at most 1.1³ - π/6 against (1.1, 1.1, 1.1). */
    DTLZ2(3, new double[] {1.1, 1.1, 1.1}) {
        @Override
        double[] objectives(double[] x) {
            return dtlz2(x, 3);
        }
    },
    /** Branin-Currin on [0, 1]²: hypervolume at most about 59.36 against (18, 6). */
    BRANIN_CURRIN(2, new double[] {18, 6}) {
        @Override
        double[] objectives(double[] x) {
            double u = 15 * x[0] - 5;
            double v = 15 * x[1];
            double term = v - 5.1 / (4 * Math.PI * Math.PI) * u * u + 5 / Math.PI * u - 6;
            double branin = term * term + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(u) + 10;
            double a = x[0];
            double currin = (1 - Math.exp(-1 / (2 * x[1]))) * (2300 * a * a * a + 1900 * a * a + 2092 * a + 60)
                    / (100 * a * a * a + 500 * a * a + 4 * a + 20);
            return new double[] {branin, currin};
        }
    },
    /** C2-DTLZ2 with two objectives: DTLZ2's front cut to the parts near its ends and middle; c <= 0 is feasible. */
    C2_DTLZ2(2, new double[] {1.1, 1.1}) {
        private static final double R = 0.2;

        @Override
        double[] objectives(double[] x) {
            return dtlz2(x, 2);
        }

        @Override
        Map<String, Double> constraints(double[] f) {
            double nearEnd = Double.POSITIVE_INFINITY;
            for (int i = 0; i < f.length; i++) {
                double sum = (f[i] - 1) * (f[i] - 1);
                for (int j = 0; j < f.length; j++) {
                    sum += j == i ? 0 : f[j] * f[j] - R * R;
                }
                nearEnd = Math.min(nearEnd, sum);
            }
            double nearMiddle = -R * R;
            for (double fi : f) {
                nearMiddle += (fi - 1 / Math.sqrt(f.length)) * (fi - 1 / Math.sqrt(f.length));
            }
            return Map.of("c", Math.min(nearEnd, nearMiddle));
        }
    };

    private final int objectives;
    private final double[] reference;

    TestProblem(int objectives, double[] reference) {
        this.objectives = objectives;
        this.reference = reference;
    }

    abstract double[] objectives(double[] x);

    /** Constraint metrics, each feasible where it is <= 0; none for most problems. */
    Map<String, Double> constraints(double[] f) {
        return Map.of();
    }

    /** The reference point that benchmarks measure hypervolume against. */
    public double[] reference() {
        return reference.clone();
    }

    public int objectiveCount() {
        return objectives;
    }

    /** The inputs this problem needs at least: two for Branin-Currin, one more than the objectives for DTLZ2. */
    int minDimensions() {
        return this == ZDT1 || this == ZDT2 || this == BRANIN_CURRIN ? 2 : objectives;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static TestProblem byLabel(String label) {
        for (TestProblem p : values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        return null;
    }

    /** The metrics a trial reports: f1, f2 (, f3), then the constraints. */
    public Map<String, Double> evaluate(double[] x) {
        double[] f = objectives(x);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int i = 0; i < f.length; i++) {
            metrics.put("f" + (i + 1), f[i]);
        }
        metrics.putAll(constraints(f));
        return metrics;
    }

    private static double zdtG(double[] x) {
        double sum = 0;
        for (int i = 1; i < x.length; i++) {
            sum += x[i];
        }
        return 1 + 9 * sum / (x.length - 1);
    }

    private static double[] dtlz2(double[] x, int m) {
        double g = 0;
        for (int i = m - 1; i < x.length; i++) {
            g += (x[i] - 0.5) * (x[i] - 0.5);
        }
        double[] f = new double[m];
        for (int i = 0; i < m; i++) {
            double value = 1 + g;
            for (int j = 0; j < m - 1 - i; j++) {
                value *= Math.cos(x[j] * Math.PI / 2);
            }
            if (i > 0) {
                value *= Math.sin(x[m - 1 - i] * Math.PI / 2);
            }
            f[i] = value;
        }
        return f;
    }
}
