package io.sparktune.core;

/**
 * Whether a trial kept every constraint of its sweep.
 *
 * @param violation the summed distance of its metrics outside their bounds, infinite when a
 *                  constrained metric is missing; 0 when feasible (Deb's constrained domination
 *                  compares infeasible trials by it)
 * @param reason    what broke, e.g. {@code memory_mb missing} or {@code memory_mb=3000 > 2048}; empty when feasible
 */
public record Feasibility(double violation, String reason) {
    public static final Feasibility FEASIBLE = new Feasibility(0, "");

    public boolean feasible() {
        return violation == 0;
    }

    /** As the tables' {@code feasible} column shows it: {@code yes}, or {@code no: memory_mb missing}. */
    public String label() {
        return feasible() ? "yes" : "no: " + reason;
    }
}
