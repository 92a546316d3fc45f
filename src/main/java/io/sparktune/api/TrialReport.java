package io.sparktune.api;

import io.sparktune.core.Config;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.TrialResult;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.TrialOutputs;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One trial of a sweep, read from its directory: its config, its latest result when it has one, and
 * the files it kept (a command trial's {@code stdout.txt} and {@code stderr.txt} tails).
 */
public record TrialReport(int id, Config config, Optional<TrialResult> result, Map<String, String> outputs) {

    static TrialReport read(SweepDirectory dir, int id) throws IOException {
        AtomicReference<Config> config = new AtomicReference<>();
        AtomicReference<TrialResult> result = new AtomicReference<>();
        Journal.replay(dir, record -> {
            if (record.trialId() != id) {
                return;
            }
            if (record instanceof JournalRecord.Started s) {
                config.set(s.trial().config());
            } else {
                result.set(((JournalRecord.Finished) record).result());
            }
        });
        if (config.get() == null) {
            throw new InvalidInputException("--trial", String.valueOf(id), "no such trial in " + dir.uri());
        }
        return new TrialReport(id, config.get(), Optional.ofNullable(result.get()), new TrialOutputs(dir, id).readAll());
    }
}
