package io.sparktune.engine;

import io.sparktune.core.TrialResult;

import java.time.Duration;

/**
 * How a run of a sweep ended, with the figures the CLI prints.
 *
 * @param ranTrials whether this run started any trial (false when it found the sweep finished)
 */
public record SweepOutcome(Status status, int done, int completed, int stopped, int failed, int retried, int total,
                           TrialResult best, Duration elapsed, boolean ranTrials) {

    public enum Status {
        /** Every trial the budget allows has a result, and at least one succeeded. */
        COMPLETE(0),
        /** Every trial has a result, and none succeeded. */
        NO_SUCCESS(3),
        /** The time budget ended the run with trials left; running the same command continues. */
        OUT_OF_TIME(75);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
