package io.sparktune.schedule;

import io.sparktune.store.Rungs;
import io.sparktune.store.StepBudget;
import io.sparktune.store.SweepDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * The executor side of a synchronous scheduler (hyperband, pbt): when a trial reaches the step budget
 * that the driver set for it this round, it records its losses at that rung and pauses; the driver's
 * {@link Rounds} decide what comes next. A trial never pauses at {@code maxSteps}: there it completes.
 */
final class PausingScheduler implements Scheduler {
    private final SweepDirectory dir;
    private final long maxSteps;
    private OptionalLong budget;

    PausingScheduler(SweepDirectory dir, long maxSteps) {
        this.dir = dir;
        this.maxSteps = maxSteps;
    }

    @Override
    public Decision onReport(int trialId, long step, double[] losses, double violation) {
        try {
            if (budget == null) {
                budget = StepBudget.read(dir, trialId);
            }
            if (budget.isEmpty() || step < budget.getAsLong() || step >= maxSteps) {
                return Decision.CONTINUE;
            }
            new Rungs(dir).record(budget.getAsLong(), trialId, losses, violation);
            return Decision.PAUSE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the budget or record the rung of trial " + trialId, e);
        }
    }
}
