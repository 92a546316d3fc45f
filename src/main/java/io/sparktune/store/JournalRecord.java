package io.sparktune.store;

import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;

/**
 * One line of the journal: a trial that the driver started, one that finished, or a FAILED one that
 * runs again ({@code tune run --retry-failed}).
 */
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

    /**
     * The result of {@code trial}'s attempt (and of any earlier one) is void and the trial runs again:
     * readers hear it as a start of that attempt, so the trial is unfinished until a result of a later
     * attempt comes. The driver writes it only for a trial whose result is FAILED.
     *
     * @param trial the trial as its voided attempt ran: id, config, seed, and that attempt
     */
    record Retried(Trial trial, long timeMillis) implements JournalRecord {
        @Override
        public int trialId() {
            return trial.id();
        }
    }
}
