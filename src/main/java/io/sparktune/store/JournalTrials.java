package io.sparktune.store;

import io.sparktune.core.TrialResult;

import java.io.IOException;
import java.util.BitSet;

/**
 * The journal read as trials, with the rule every reader of it follows: <b>a trial's result is its
 * first Finished record</b> in the order a replay reads (file names, then lines), and what follows
 * it for that trial is ignored.
 *
 * <p>The driver journals one result per trial (it drops a second one before it is written), so a
 * second record is a copy: a compaction that died between writing its file and deleting the others
 * leaves every record twice. Taking the first rather than the latest also matches the live driver,
 * which acts on the first result it hears: the searcher has learned from it and trials were
 * suggested after it, so a resumed driver must see the same one.
 */
public final class JournalTrials {

    /** What a reader hears, in journal order. */
    @FunctionalInterface
    public interface Reader {
        /** A trial started, and has no result yet; a trial that ran again is heard once per start. */
        default void started(JournalRecord.Started start) {
        }

        /** A trial's result, once. */
        void finished(TrialResult result);
    }

    private JournalTrials() {
    }

    public static void read(SweepDirectory dir, Reader reader) throws IOException {
        BitSet finished = new BitSet();
        Journal.replay(dir, record -> {
            if (finished.get(record.trialId())) {
                return;
            }
            if (record instanceof JournalRecord.Started started) {
                reader.started(started);
            } else {
                finished.set(record.trialId());
                reader.finished(((JournalRecord.Finished) record).result());
            }
        });
    }
}
