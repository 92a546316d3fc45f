package io.sparktune.engine;

import io.sparktune.core.TrialCounts;
import io.sparktune.core.TrialResult;

import java.time.Duration;

/**
 * How the driver loop ended. The engine's own result, since the engine sits below {@code api} and
 * cannot name {@code api.SweepOutcome}, which {@code api.SweepRun} builds from this once the run's
 * table is written.
 *
 * @param total     the trials the budget allows
 * @param ranTrials whether this run started any trial (false when it found the sweep finished)
 */
public record LoopOutcome(Status status, TrialCounts counts, int total, TrialResult best, Duration elapsed, boolean ranTrials) {

    public enum Status {
        /** Every trial the budget allows has a result, and at least one succeeded. */
        COMPLETE,
        /** Every trial has a result, and none succeeded. */
        NO_SUCCESS,
        /** The time budget ended the run with trials left; running the same command continues. */
        OUT_OF_TIME
    }
}
