package io.sparktune.core;

import java.io.Serializable;
import java.util.Map;

/**
 * What a trial produced, as the journal keeps it.
 *
 * @param steps    how many steps the trial reported (0 when it reported none)
 * @param attempt  1 for the first run; more when the trial ran again after an executor or driver loss
 * @param error    null unless FAILED
 */
public record TrialResult(
        int id,
        Config config,
        long seed,
        TrialStatus status,
        Map<String, Double> metrics,
        long steps,
        long startMillis,
        long endMillis,
        String host,
        String error,
        int attempt) implements Serializable {

    public TrialResult {
        metrics = Map.copyOf(metrics);
    }

    public double durationSeconds() {
        return (endMillis - startMillis) / 1000.0;
    }

    public static TrialResult failed(Trial trial, String error, long startMillis, long endMillis, String host, int attempt) {
        return new TrialResult(trial.id(), trial.config(), trial.seed(), TrialStatus.FAILED, Map.of(), 0,
                startMillis, endMillis, host, error, attempt);
    }
}
