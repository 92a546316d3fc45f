package io.sparktune.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.core.InvalidInputException;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.Lineage;
import io.sparktune.store.Json;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepFile;
import io.sparktune.store.SweepLock;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a sweep stands, read from its directory while it runs or after.
 *
 * @param unfinished trials started but without a result: running now, or left by a dead driver
 * @param lockHolder who holds the lock and how fresh its heartbeat is, empty when nobody does
 * @param lineage    the trials that population based training cloned from others, by id
 */
public record SweepStatus(String dir, String name, int completed, int stopped, int failed, int unfinished,
                          Optional<String> lockHolder, int journalFiles, Optional<BestTrial> best, List<Lineage> lineage) {

    public int done() {
        return completed + stopped + failed;
    }

    static SweepStatus read(SweepDirectory dir) throws IOException {
        SweepFile sweep = SweepFile.read(dir)
                .orElseThrow(() -> new InvalidInputException("--out", dir.uri(), "no sweep here (no sweep.json)"));
        Set<Integer> started = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        Set<Integer> finished = new HashSet<>();
        Journal.replay(dir, record -> {
            if (record instanceof JournalRecord.Started s) {
                started.add(s.trialId());
            } else if (finished.add(record.trialId())) {
                counts.merge(((JournalRecord.Finished) record).result().status().name(), 1, Integer::sum);
            }
        });
        started.removeAll(finished);
        return new SweepStatus(dir.uri(), sweep.name(), counts.getOrDefault("COMPLETED", 0), counts.getOrDefault("STOPPED", 0),
                counts.getOrDefault("FAILED", 0), started.size(), lockHolder(dir), Journal.fileCount(dir), BestTrial.read(dir),
                Lineage.all(dir));
    }

    private static Optional<String> lockHolder(SweepDirectory dir) throws IOException {
        var path = dir.resolve(SweepLock.FILE);
        if (!dir.exists(path)) {
            return Optional.empty();
        }
        JsonNode lock = Json.MAPPER.readTree(dir.readText(path));
        long age = (System.currentTimeMillis() - lock.path("heartbeat").asLong()) / 1000;
        return Optional.of(lock.path("owner").asText() + ", run " + lock.path("run").asText() + ", heartbeat " + age + "s ago");
    }
}
