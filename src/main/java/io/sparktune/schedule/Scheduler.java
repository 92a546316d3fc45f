package io.sparktune.schedule;

import java.io.Serializable;

/**
 * Decides, after each step a trial reports, whether it goes on. Executor side: the runner of a trial
 * calls {@link #onReport} from the trial's thread, for many trials at once in one JVM, and again for
 * the same step when a trial is retried, so a decision must depend only on what the sweep directory
 * holds and on the report itself. A scheduler returns a decision and never touches a trial.
 */
public interface Scheduler extends Serializable {

    /**
     * @param loss the sweep's objective at this step, negated when the sweep maximises
     */
    Decision onReport(int trialId, long step, double loss);
}
