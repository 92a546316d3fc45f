package io.sparktune.core;

/** How a trial ended. */
public enum TrialStatus {
    /** Trained to the end and returned its metrics. */
    COMPLETED,
    /** A scheduler ended it early; its metrics are those of the step where it stopped. */
    STOPPED,
    /** It threw, timed out or returned no usable objective; the error is kept. */
    FAILED;

    /** Whether the searcher may learn from this trial's objective value. */
    public boolean hasObjective() {
        return this != FAILED;
    }
}
