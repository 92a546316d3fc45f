package io.sparktune.api;

import io.sparktune.core.TrialCounts;
import io.sparktune.core.TrialResult;
import io.sparktune.engine.LoopOutcome;

import java.time.Duration;

/**
 * How a run of a sweep ended, with the figures the CLI prints.
 *
 * @param exitCode {@link ExitCode#COMPLETE}, {@link ExitCode#NO_SUCCESS} or {@link ExitCode#OUT_OF_TIME}
 * @param total    the trials the budget allows
 * @param best     the best trial so far, null when none has a value of the metric
 */
public record SweepOutcome(ExitCode exitCode, TrialCounts counts, int total, TrialResult best, Duration elapsed) {

    static SweepOutcome of(LoopOutcome loop) {
        ExitCode code = switch (loop.status()) {
            case COMPLETE -> ExitCode.COMPLETE;
            case NO_SUCCESS -> ExitCode.NO_SUCCESS;
            case OUT_OF_TIME -> ExitCode.OUT_OF_TIME;
        };
        return new SweepOutcome(code, loop.counts(), loop.total(), loop.best(), loop.elapsed());
    }
}
