package io.sparktune.store;

import io.sparktune.core.Config;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal on the local disk: buffering, compaction, and a replay that reads what was written. */
class JournalTest {
    @TempDir
    Path tmp;

    private static TrialResult result(int id, double loss) {
        Config config = Config.of(Map.of("lr", 0.01 * id, "layers", (long) id, "opt", "adam", "flag", true));
        return new TrialResult(id, config, 42L + id, TrialStatus.COMPLETED, Map.of("loss", loss, "acc", Double.NaN), 3,
                1000, 2500, "host-a", null, 1);
    }

    private List<JournalRecord> replay(SweepDirectory dir) throws Exception {
        List<JournalRecord> records = new ArrayList<>();
        Journal.replay(dir, records::add);
        return records;
    }

    @Test
    void recordsWaitForTheFlushIntervalThenLandInOneFile() throws Exception {
        SweepDirectory dir = SweepDirectory.at(tmp.toString(), new Configuration());
        Journal journal = new Journal(dir, "run-a", 60_000);
        journal.add(new JournalRecord.Started(new Trial(0, result(0, 1).config(), 42, 1), 999));
        journal.add(new JournalRecord.Finished(result(0, 1.5)));
        journal.flushIfDue();
        assertEquals(0, Journal.fileCount(dir), "not due yet");
        journal.flush();
        assertEquals(1, Journal.fileCount(dir));
        List<JournalRecord> records = replay(dir);
        assertEquals(2, records.size());
        TrialResult back = ((JournalRecord.Finished) records.get(1)).result();
        assertEquals(result(0, 1.5).config(), back.config(), "values keep their types: Long, Double, String, Boolean");
        assertEquals(1.5, back.metrics().get("loss"));
        assertTrue(back.metrics().get("acc").isNaN(), "NaN survives the round trip");
    }

    @Test
    void compactionLeavesOneFileWithEveryRecordInOrder() throws Exception {
        SweepDirectory dir = SweepDirectory.at(tmp.toString(), new Configuration());
        for (String run : List.of("run-a", "run-b")) {
            Journal journal = new Journal(dir, run, 0);
            for (int i = 0; i < 5; i++) {
                int id = run.equals("run-a") ? i : 5 + i;
                journal.add(new JournalRecord.Finished(result(id, id)));
                journal.flush();
            }
        }
        assertEquals(10, Journal.fileCount(dir));
        new Journal(dir, "run-c", 0).compact();
        assertEquals(1, Journal.fileCount(dir));
        List<Integer> ids = replay(dir).stream().map(JournalRecord::trialId).toList();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ids);
        try (var files = Files.list(tmp.resolve("journal"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no temporary files left");
        }
    }
}
