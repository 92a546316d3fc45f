package io.sparktune.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialCounts;
import io.sparktune.core.TrialResult;
import io.sparktune.store.Journal;
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

/**
 * Where a sweep stands, read from its directory while it runs or after.
 *
 * @param unfinished trials started but without a result: running now, or left by a dead driver
 * @param lockHolder who holds the lock and how fresh its heartbeat is, empty when nobody does
 * @param lineage    the trials that population based training cloned from others, by id
 */
public record SweepStatus(String dir, String name, TrialCounts counts, int unfinished,
                          Optional<String> lockHolder, int journalFiles, Optional<BestTrial> best, List<Lineage> lineage) {

    static SweepStatus read(SweepDirectory dir) throws IOException {
        SweepFile sweep = SweepFile.read(dir)
                .orElseThrow(() -> new InvalidInputException("--out", dir.uri(), "no sweep here (no sweep.json)"));
        Tally tally = new Tally();
        JournalTrials.read(dir, tally);
        return new SweepStatus(dir.uri(), sweep.name(), tally.counts, tally.unfinished.size(), lockHolder(dir), Journal.fileCount(dir),
                BestTrial.read(dir), Lineage.all(dir));
    }

    private static final class Tally implements JournalTrials.Reader {
        final Set<Integer> unfinished = new HashSet<>();
        TrialCounts counts = TrialCounts.NONE;

        @Override
        public void started(Trial trial) {
            unfinished.add(trial.id());
        }

        @Override
        public void finished(TrialResult result) {
            unfinished.remove(result.id());
            counts = counts.plus(result);
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
