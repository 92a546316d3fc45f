package io.sparktune.engine;

import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;

import java.util.List;

/** What comes back from Spark: results of a partition, or trials whose job failed without results. */
sealed interface Completion {

    record Results(List<TrialResult> results) implements Completion {
    }

    record Lost(List<Trial> trials, Throwable cause) implements Completion {
    }
}
