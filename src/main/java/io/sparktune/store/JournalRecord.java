package io.sparktune.store;

import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;

/** One line of the journal: a trial that the driver started, or one that finished. */
public sealed interface JournalRecord {

    int trialId();

    /**
     * @param suggestMillis how long the searcher took to choose this trial's config (a call that chose
     *                      several splits its time evenly); 0 for a trial it did not choose just now
     */
    record Started(Trial trial, long timeMillis, double suggestMillis) implements JournalRecord {
        public Started(Trial trial, long timeMillis) {
            this(trial, timeMillis, 0);
        }

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
