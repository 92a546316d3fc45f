package io.sparktune.schedule;

import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;

import java.util.List;

/**
 * What a synchronous scheduler decided when a round ended.
 *
 * @param run     trials to start or resume, each with its step budget already in the sweep directory
 * @param stopped paused trials that end here, as STOPPED results
 */
public record Round(List<Trial> run, List<TrialResult> stopped) {
    public static final Round NONE = new Round(List.of(), List.of());

    public Round {
        run = List.copyOf(run);
        stopped = List.copyOf(stopped);
    }

    /** The paused trial, to run again from its checkpoint. */
    static Trial resume(TrialResult paused) {
        return new Trial(paused.id(), paused.config(), paused.seed(), paused.attempt());
    }

    /** The paused trial's result, as its final one. */
    static TrialResult stop(TrialResult paused) {
        return new TrialResult(paused.id(), paused.config(), paused.seed(), TrialStatus.STOPPED, paused.metrics(),
                paused.steps(), paused.startMillis(), paused.endMillis(), paused.host(), null, paused.attempt());
    }
}
