package io.sparktune.engine;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.JournalTrials;
import io.sparktune.store.SweepDirectory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code tune run --retry-failed}: the sweep's FAILED trials run again. Each gets a retry record in
 * the journal, flushed (as one file) before anything runs, which voids its result for every reader
 * ({@link JournalTrials}) and leaves it unfinished; the replay that follows hands it to the driver as
 * a dead driver's trial, so it runs once with its id, config and seed and {@code attempt + 1}. A
 * driver killed after the flush leaves them unfinished: the next run without the flag runs them once (with
 * it, the run is refused, since none is FAILED any more, and says how many are unfinished).
 */
final class FailedTrials {
    private FailedTrials() {
    }

    /**
     * Adds a retry of each FAILED trial to {@code journal}; the caller flushes it before anything runs.
     *
     * @return the ids of the trials to run again, in id order
     * @throws InvalidInputException when the sweep has no FAILED trial
     */
    static List<Integer> retry(SweepDirectory dir, Journal journal, long now) throws IOException {
        List<TrialResult> failed = new ArrayList<>();
        Set<Integer> unfinished = new HashSet<>();
        JournalTrials.read(dir, new JournalTrials.Reader() {
            @Override
            public void started(JournalRecord.Started start) {
                unfinished.add(start.trialId());
            }

            @Override
            public void finished(TrialResult result) {
                unfinished.remove(result.id());
                if (result.status() == TrialStatus.FAILED) {
                    failed.add(result);
                }
            }
        });
        if (failed.isEmpty()) {
            throw new InvalidInputException("--retry-failed", dir.uri(), "the sweep there has no FAILED trials to run again"
                    + (unfinished.isEmpty() ? "" : " (" + unfinished.size() + " unfinished trials run again without the flag)"));
        }
        List<Integer> ids = new ArrayList<>();
        for (TrialResult result : failed) {
            journal.add(new JournalRecord.Retried(new Trial(result.id(), result.config(), result.seed(), result.attempt()), now));
            ids.add(result.id());
        }
        return ids;
    }
}
