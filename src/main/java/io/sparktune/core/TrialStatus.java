package io.sparktune.core;

/** How a trial ended. */
public enum TrialStatus {
    /** Trained to the end and returned its metrics. */
    COMPLETED,
    /** A scheduler ended it early; its metrics are those of the step where it stopped. */
    STOPPED,
    /** It threw, timed out or returned no usable objective; the error is kept. */
    FAILED,
    /**
     * A synchronous scheduler paused it at the end of a round. Only the driver sees this status, and
     * never journals it: the trial resumes later, or ends STOPPED.
     */
    PAUSED;

    /** Whether the searcher may learn from this trial's objective value. */
    public boolean hasObjective() {
        return this != FAILED;
    }
}
