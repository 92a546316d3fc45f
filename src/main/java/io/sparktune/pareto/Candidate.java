package io.sparktune.pareto;

/**
 * A trial as the Pareto ranking sees it.
 *
 * @param losses    every objective as a loss (negated where the sweep maximises), so smaller is better in each
 * @param violation how far the trial broke its constraints, 0 when feasible (see {@code core.Feasibility})
 */
public record Candidate(int id, double[] losses, double violation) {

    public boolean feasible() {
        return violation == 0;
    }

    /**
     * Deb's constrained domination: a feasible trial beats an infeasible one, the smaller violation
     * beats the larger, and between feasible trials the usual Pareto domination decides.
     */
    public boolean dominates(Candidate other) {
        if (feasible() != other.feasible()) {
            return feasible();
        }
        if (!feasible()) {
            return violation < other.violation;
        }
        return Dominance.dominates(losses, other.losses);
    }
}
