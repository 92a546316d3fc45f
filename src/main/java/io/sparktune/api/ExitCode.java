package io.sparktune.api;

/**
 * What {@code tune} exits with, so a scheduled job (cron, Airflow, Oozie) can tell a finished sweep
 * from one to run again and from one that needs a person.
 */
public enum ExitCode {
    /** Every trial the budget allows has a result, and at least one succeeded. */
    COMPLETE(0),
    /** A fault of SparkTune's or of the store; the journal is consistent, so running the same command resumes. */
    INTERNAL(1),
    /** The input is wrong: one line names the flag or the JSON path. */
    BAD_INPUT(2),
    /** Every trial has a result, and none succeeded. */
    NO_SUCCESS(3),
    /** Another live run holds the sweep directory's lock. */
    LOCKED(4),
    /** The time budget ended the run with trials left; running the same command continues (EX_TEMPFAIL). */
    OUT_OF_TIME(75);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
