package io.sparktune.schedule;

/** What a scheduler wants done with a trial after a report; the trial's runner acts on it. */
public enum Decision {
    CONTINUE,
    /** End the trial now: it is STOPPED, and its metrics are those of this step. */
    STOP,
    /**
     * End this run of the trial and let the driver decide: a synchronous scheduler's round is over
     * for it. The trial has saved its checkpoint, and resumes from it if it is promoted.
     */
    PAUSE
}
