package io.sparktune.schedule;

/**
 * Decides, after each step a trial reports, whether it goes on. Executor side: the runner of a trial
 * makes one instance per run of a trial (from {@link SchedulerSpec#create}) and calls {@link #onReport}
 * from the trial's thread, while other trials run in the same JVM and on other executors. The same
 * trial runs again after an executor or driver loss, and reports the same steps again, so a decision
 * must depend only on what the sweep directory holds and on the report itself, and anything a
 * scheduler writes there (rung records) must be written once per trial. A scheduler returns a
 * decision and never touches a trial.
 *
 * <p>A trial has at most one live run at a time, and so one writer of its rung records: the runner
 * closes a trial's context before the trial can run again (a report after that reaches no
 * scheduler), and sweeps refuse Spark's speculation, which would run two copies of one trial.
 *
 * <p>Synchronous schedulers (hyperband, pbt) also have a driver side, {@link Rounds}: they pause
 * trials at the step budget that the driver set, and the driver decides what happens next.
 */
public interface Scheduler {

    /**
     * Called at each step that reports every objective.
     *
     * @param losses    each objective at this step, negated where the sweep maximises
     * @param violation how far the step's metrics break the constraints whose metrics it reports (0 when none)
     */
    Decision onReport(int trialId, long step, double[] losses, double violation);
}
