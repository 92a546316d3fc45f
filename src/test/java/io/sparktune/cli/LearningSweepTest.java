package io.sparktune.cli;

import io.sparktune.bench.SweepSimulation;
import io.sparktune.core.Config;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.JournalRecord;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import io.sparktune.train.function.BenchmarkFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learning searcher through the CLI on a real local Spark: at parallelism p it is never asked for a
 * trial while p trials are pending, so at parallelism 1 a seeded sweep is sequential search, the
 * same, trial by trial, as the searcher benchmark's simulation, and the same every time it runs.
 */
class LearningSweepTest {
    private static final String BRANIN = "\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"";
    private static final String HARTMANN6 = cube(6, 0, 1);

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    private static String cube(int dims, double low, double high) {
        List<String> params = new ArrayList<>();
        for (int i = 0; i < dims; i++) {
            params.add("\"x" + i + "\": \"uniform[" + low + ":" + high + "]\"");
        }
        return String.join(", ", params);
    }

    private static String spec(String params, String function, String searcher, int trials, int parallelism) {
        return "{\"params\": {" + params + "}, \"trainable\": {\"type\": \"function\", \"function\": \"" + function + "\"},"
                + " \"searcher\": {\"type\": \"" + searcher + "\"},"
                + " \"budget\": {\"maxTrials\": " + trials + ", \"parallelism\": " + parallelism + "}}";
    }

    /** Runs the spec through {@code tune run} and returns the sweep directory's records. */
    private SweepFiles sweep(String name, String json, long seed) throws Exception {
        Path space = tmp.resolve(name + ".json");
        Files.writeString(space, json);
        String out = tmp.resolve(name).toString();
        Cli run = Cli.run("--space", space.toString(), "--out", out, "--seed", String.valueOf(seed));
        assertEquals(0, run.exit(), run.err());
        return new SweepFiles(out);
    }

    /** The configs in the order the driver started them, first attempts only. */
    private static List<Config> startedConfigs(SweepFiles files) {
        return files.records().stream().filter(r -> r instanceof JournalRecord.Started s && s.trial().attempt() == 1)
                .map(r -> ((JournalRecord.Started) r).trial().config()).toList();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"gp, branin, 24", "gp, hartmann6, 24", "tpe, branin, 30", "tpe, hartmann6, 30",
            "cmaes, branin, 30", "cmaes, hartmann6, 30"})
    void atParallelismOneTheSweepSuggestsWhatTheBenchmarksSimulationDoes(String searcher, String function, int trials)
            throws Exception {
        String json = spec(function.equals("branin") ? BRANIN : HARTMANN6, function, searcher, trials, 1);
        long seed = 1000;
        List<Config> engine = startedConfigs(sweep(searcher + "-" + function, json, seed));

        SweepSpec spec = SpecParser.parse("test.json", json, "test", new Overrides());
        BenchmarkFunction objective = BenchmarkFunction.byLabel(function);
        SweepSimulation simulation = new SweepSimulation(spec.searcher().create(spec.space(), seed),
                config -> objective.evaluate(config, 0));
        simulation.run(trials, 1, seed);
        List<Config> simulated = simulation.history().observations().stream().map(o -> o.config()).toList();

        assertEquals(trials, engine.size(), "trials the sweep started");
        for (int i = 0; i < trials; i++) {
            assertEquals(simulated.get(i), engine.get(i), "trial " + i + " of " + searcher + " on " + function);
        }
    }

    @Test
    void aSeededSequentialSweepWritesTheSameJournalEveryTime() throws Exception {
        String json = spec(BRANIN, "branin", "tpe", 40, 1);
        List<Config> first = startedConfigs(sweep("first", json, 7));
        List<Config> second = startedConfigs(sweep("second", json, 7));
        assertEquals(40, first.size());
        assertEquals(first, second, "the same seed and spec, run twice");
    }

    @Test
    void statusSetsTheSearchersTimeAgainstTheTrials() throws Exception {
        SweepFiles files = sweep("status", spec(BRANIN, "branin", "tpe", 30, 1), 3);
        double suggested = files.records().stream().filter(r -> r instanceof JournalRecord.Started)
                .mapToDouble(r -> ((JournalRecord.Started) r).suggestMillis()).sum();
        assertTrue(suggested > 0, "each start keeps the searcher's time for it");
        Cli status = Cli.run("status", "--out", tmp.resolve("status").toString());
        assertEquals(0, status.exit(), status.err());
        String expected = String.format(Locale.ROOT, "searcher: suggest %.1fs, train ", suggested / 1000);
        assertTrue(status.out().contains(expected), "'" + expected + "' in " + status.out());
        assertTrue(status.out().contains("s on 1 slot"), "one trial at a time: " + status.out());
    }

    @Test
    void noSuggestionIsMadeWithParallelismTrialsPending() throws Exception {
        int parallelism = 3;
        SweepFiles files = sweep("p3", spec(BRANIN, "branin", "tpe", 60, parallelism), 11);
        Set<Integer> pending = new HashSet<>();
        int suggested = 0;
        for (JournalRecord record : files.records()) {
            if (record instanceof JournalRecord.Started s) {
                assertTrue(pending.size() <= parallelism - 1, "trial " + s.trialId() + " was suggested with "
                        + pending.size() + " trials pending, at parallelism " + parallelism);
                pending.add(s.trialId());
                suggested++;
            } else {
                pending.remove(record.trialId());
            }
        }
        assertEquals(60, suggested);
    }
}
