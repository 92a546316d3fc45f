package io.sparktune.store;

import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal read as trials, with the rule every reader of it follows: <b>a trial's result is its
 * first Finished record of an attempt later than every attempt a retry record voided</b>, in the
 * order a replay reads (file names, then lines); what follows it for that trial is ignored. A trial
 * never retried has its first Finished record as its result.
 *
 * <p>The driver journals one result per trial (it drops a second one before it is written), so a
 * second record of the same attempt is a copy: a compaction that died between writing its file and
 * deleting the others leaves every record twice. Taking the first rather than the latest also matches
 * the live driver, which acts on the first result it hears: the searcher has learned from it and
 * trials were suggested after it, so a resumed driver must see the same one.
 *
 * <p>A retry record ({@code tune run --retry-failed}) voids a FAILED result: the trial runs again
 * with the next attempt, and its new result replaces the failed one for every reader. Readers hear the
 * retry as a start of the voided attempt, so the trial is unfinished until its new result comes (a
 * driver that died after writing retry records runs those trials on resume, once) and never hear the
 * voided result.
 *
 * <p>Cost: one pass over the journal. The driver writes retry records only for FAILED results, so
 * every other result is heard at once; a FAILED result is held until the pass ends, since a later
 * retry record may void it, and heard then (after the others, in trial id order). Memory is one bit
 * per trial, plus each FAILED result and each retried trial's voided attempt.
 */
public final class JournalTrials {

    /** What a reader hears, in journal order (FAILED results last, see above). */
    @FunctionalInterface
    public interface Reader {
        /**
         * A trial started, and has no result yet; a trial that ran again is heard once per start, and a
         * retried one also at its retry record, with the attempt whose result the retry voided.
         */
        default void started(JournalRecord.Started start) {
        }

        /** A trial's result, once: never one that a retry voided. */
        void finished(TrialResult result);
    }

    private JournalTrials() {
    }

    public static void read(SweepDirectory dir, Reader reader) throws IOException {
        BitSet finished = new BitSet();
        Map<Integer, TrialResult> failed = new TreeMap<>();
        Map<Integer, Integer> voidedUpTo = new HashMap<>();
        Journal.replay(dir, record -> {
            int id = record.trialId();
            if (finished.get(id)) {
                return;
            }
            int voided = voidedUpTo.getOrDefault(id, 0);
            TrialResult held = failed.get(id);
            if (record instanceof JournalRecord.Retried retried) {
                int attempt = retried.trial().attempt();
                if (attempt > voided && (held == null || held.attempt() <= attempt)) {
                    voidedUpTo.put(id, attempt);
                    failed.remove(id);
                    reader.started(new JournalRecord.Started(retried.trial(), retried.timeMillis()));
                }
            } else if (record instanceof JournalRecord.Started started) {
                if (held == null && started.trial().attempt() > voided) {
                    reader.started(started);
                }
            } else {
                TrialResult result = ((JournalRecord.Finished) record).result();
                if (held != null || result.attempt() <= voided) {
                    return;
                }
                if (result.status() == TrialStatus.FAILED) {
                    failed.put(id, result);
                } else {
                    finished.set(id);
                    reader.finished(result);
                }
            }
        });
        for (TrialResult result : failed.values()) {
            reader.finished(result);
        }
    }
}
