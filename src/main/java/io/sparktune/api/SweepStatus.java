package io.sparktune.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.SearcherLoad;
import io.sparktune.core.TrialCounts;
import io.sparktune.core.TrialResult;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.JournalTrials;
import io.sparktune.store.Lineage;
import io.sparktune.store.Json;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepFile;
import io.sparktune.store.SweepLock;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a sweep stands, read from its directory while it runs or after.
 *
 * @param unfinished trials started but without a result: running now, or left by a dead driver
 * @param lockHolder who holds the lock and how fresh its heartbeat is, empty when nobody does
 * @param lineage    the trials that population based training cloned from others, by id
 * @param load       the searcher's time against the trials', over every run; its slots are the most
 *                   trials that ran at once
 */
public record SweepStatus(String dir, String name, TrialCounts counts, int unfinished,
                          Optional<String> lockHolder, int journalFiles, Optional<BestTrial> best, List<Lineage> lineage,
                          SearcherLoad load) {

    static SweepStatus read(SweepDirectory dir) throws IOException {
        SweepFile sweep = SweepFile.read(dir)
                .orElseThrow(() -> new InvalidInputException("--out", dir.uri(), "no sweep here (no sweep.json)"));
        Tally tally = new Tally();
        JournalTrials.read(dir, tally);
        return new SweepStatus(dir.uri(), sweep.name(), tally.counts, tally.unfinished.size(), lockHolder(dir), Journal.fileCount(dir),
                BestTrial.read(dir), Lineage.all(dir), tally.load());
    }

    private static final class Tally implements JournalTrials.Reader {
        final Set<Integer> unfinished = new HashSet<>();
        TrialCounts counts = TrialCounts.NONE;
        double suggestMillis;
        long trainMillis;
        /** Trial starts as +1 and ends as -1, by time: their running sum peaks at the slots the sweep used. */
        final TreeMap<Long, Integer> running = new TreeMap<>();

        @Override
        public void started(JournalRecord.Started start) {
            unfinished.add(start.trialId());
            suggestMillis += start.suggestMillis();
        }

        @Override
        public void finished(TrialResult result) {
            unfinished.remove(result.id());
            counts = counts.plus(result);
            trainMillis += result.endMillis() - result.startMillis();
            running.merge(result.startMillis(), 1, Integer::sum);
            running.merge(result.endMillis(), -1, Integer::sum);
        }

        SearcherLoad load() {
            int now = 0;
            int slots = 0;
            for (int change : running.values()) {
                now += change;
                slots = Math.max(slots, now);
            }
            return new SearcherLoad(suggestMillis, trainMillis, Math.max(1, slots));
        }
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
