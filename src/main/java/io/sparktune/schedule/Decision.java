package io.sparktune.schedule;

/** What a scheduler wants done with a trial after a report; the trial's runner acts on it. */
public enum Decision {
    CONTINUE,
    STOP
}
