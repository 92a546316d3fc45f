package io.sparktune.store;

import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;

/** One line of the journal: a trial that the driver started, or one that finished. */
public sealed interface JournalRecord {

    int trialId();

    record Started(Trial trial, long timeMillis) implements JournalRecord {
        @Override
        public int trialId() {
            return trial.id();
        }
    }

    record Finished(TrialResult result) implements JournalRecord {
        @Override
        public int trialId() {
            return result.id();
        }
    }
}
