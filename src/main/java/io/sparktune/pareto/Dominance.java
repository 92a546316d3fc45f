package io.sparktune.pareto;

/** Pareto domination between loss vectors: no worse in any objective and better in one. */
final class Dominance {
    private Dominance() {
    }

    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            better |= a[i] < b[i];
        }
        return better;
    }
}
