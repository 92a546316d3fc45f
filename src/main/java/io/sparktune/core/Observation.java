package io.sparktune.core;

/**
 * A finished trial as a searcher sees it: the config and the loss (the objective, negated when
 * the sweep maximises), so every searcher minimises.
 *
 * @param loss      the first objective's loss
 * @param losses    every objective's loss, in the spec's order ({@code {loss}} with one objective);
 *                  read, never written, by searchers
 * @param violation how far the trial broke the sweep's constraints, 0 when feasible (see {@link Feasibility})
 * @param margins   each constraint's {@link Constraint#margin}, in the spec's order (NaN where the metric is
 *                  missing): what a feasibility model learns from, as the violation hides how close a
 *                  feasible trial came to a bound
 */
public record Observation(int trialId, Config config, double loss, TrialStatus status, long steps, double[] losses, double violation,
                          double[] margins) {

    /** A trial of a sweep with one objective and no constraints. */
    public Observation(int trialId, Config config, double loss, TrialStatus status, long steps) {
        this(trialId, config, loss, status, steps, new double[] {loss}, 0, new double[0]);
    }

    /** The same result under another trial id, as a restart seeds it. */
    public Observation withTrialId(int id) {
        return new Observation(id, config, loss, status, steps, losses, violation, margins);
    }
}
