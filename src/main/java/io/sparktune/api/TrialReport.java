package io.sparktune.api;

import io.sparktune.core.Config;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.TrialResult;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.JournalTrials;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.TrialOutputs;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One trial of a sweep, read from its directory: its config, its result when it has one (the first
 * the journal holds, as every reader takes: {@link JournalTrials}), and the files it kept (a command
 * trial's {@code stdout.txt} and {@code stderr.txt} tails).
 */
public record TrialReport(int id, Config config, Optional<TrialResult> result, Map<String, String> outputs) {

    static TrialReport read(SweepDirectory dir, int id) throws IOException {
        AtomicReference<Config> config = new AtomicReference<>();
        AtomicReference<TrialResult> result = new AtomicReference<>();
        JournalTrials.read(dir, new JournalTrials.Reader() {
            @Override
            public void started(JournalRecord.Started start) {
                if (start.trialId() == id) {
                    config.set(start.trial().config());
                }
            }

            @Override
            public void finished(TrialResult finished) {
                if (finished.id() == id) {
                    result.set(finished);
                }
            }
        });
        if (config.get() == null) {
            throw new InvalidInputException("--trial", String.valueOf(id), "no such trial in " + dir.uri());
        }
        return new TrialReport(id, config.get(), Optional.ofNullable(result.get()), new TrialOutputs(dir, id).readAll());
    }
}
