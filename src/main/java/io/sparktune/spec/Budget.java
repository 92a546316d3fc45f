package io.sparktune.spec;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How much a sweep may spend. Empty values take defaults that depend on the space and the cluster:
 * the grid size or 20 trials, and the cluster's cores divided by the cpus per trial.
 *
 * @param parallelism   how many Spark tasks, so trials, run at once
 * @param trialsPerTask how many trials one Spark task runs in turn; unset, the engine runs one per
 *                      task for a learning searcher and packs other searchers' trials shorter than a
 *                      second itself (see the engine's TaskPacking)
 */
public record Budget(Integer maxTrials, Integer parallelism, Duration timeBudget, Duration trialTimeout,
                     Integer trialsPerTask) implements Serializable {

    public static final int DEFAULT_SAMPLED_TRIALS = 20;

    /** How many trials the sweep runs: maxTrials capped by what the searcher can suggest, else its size, else 20. */
    public int totalTrials(OptionalLong searcherSize) {
        long size = searcherSize.orElse(maxTrials == null ? DEFAULT_SAMPLED_TRIALS : Long.MAX_VALUE);
        return (int) Math.min(Integer.MAX_VALUE, maxTrials == null ? size : Math.min(maxTrials, size));
    }

    public Optional<Integer> maxTrialsIfSet() {
        return Optional.ofNullable(maxTrials);
    }

    public Optional<Integer> parallelismIfSet() {
        return Optional.ofNullable(parallelism);
    }

    public Optional<Duration> timeBudgetIfSet() {
        return Optional.ofNullable(timeBudget);
    }

    public Optional<Integer> trialsPerTaskIfSet() {
        return Optional.ofNullable(trialsPerTask);
    }

    public Optional<Duration> trialTimeoutIfSet() {
        return Optional.ofNullable(trialTimeout);
    }
}
