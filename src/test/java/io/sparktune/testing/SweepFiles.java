package io.sparktune.testing;

import io.sparktune.core.TrialResult;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what a sweep left in its directory, the way a user's tools would. */
public final class SweepFiles {
    private final List<JournalRecord> records = new ArrayList<>();

    public SweepFiles(String dir) throws IOException {
        this(dir, new Configuration());
    }

    public SweepFiles(String dir, Configuration conf) throws IOException {
        Journal.replay(SweepDirectory.at(dir, conf), records::add);
    }

    /** Every record, in the order the driver wrote them. */
    public List<JournalRecord> records() {
        return List.copyOf(records);
    }

    public List<TrialResult> results() {
        return records.stream().filter(r -> r instanceof JournalRecord.Finished)
                .map(r -> ((JournalRecord.Finished) r).result()).toList();
    }

    /** How many result records each trial id has: exactly one each when nothing was lost or duplicated. */
    public Map<Integer, Integer> resultsPerTrial() {
        Map<Integer, Integer> counts = new HashMap<>();
        results().forEach(r -> counts.merge(r.id(), 1, Integer::sum));
        return counts;
    }

    public Map<Integer, Integer> startsPerTrial() {
        Map<Integer, Integer> counts = new HashMap<>();
        records.stream().filter(r -> r instanceof JournalRecord.Started).forEach(r -> counts.merge(r.trialId(), 1, Integer::sum));
        return counts;
    }

    public TrialResult result(int id) {
        return results().stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> new AssertionError("no result for trial " + id));
    }
}
