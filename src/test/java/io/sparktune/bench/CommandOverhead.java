package io.sparktune.bench;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.core.Config;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.api.SweepOutcome;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.StoreLocation;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.TestSpark;
import io.sparktune.trial.TrialRunner;
import org.apache.hadoop.conf.Configuration;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Per-trial overhead of a command trial against the same trial as a function trainable: first one
 * trial at a time through the trial runner (no Spark), then whole sweeps on local[2].
 * Arguments: [trials per runner case] [trials per sweep].
 */
public final class CommandOverhead {
    private static final Map<String, String> TRAINABLES = Map.of(
            "function", "{\"type\": \"function\", \"function\": \"noisy\"}",
            "command echo", "{\"type\": \"command\", \"argv\": [\"echo\", \"loss:\", \"${x}\"]}",
            "command python3", "{\"type\": \"command\", \"argv\": [\"python3\", \"-c\", \"import sys; print('loss:', sys.argv[1])\", \"${x}\"]}");
    private static final String[] ORDER = {"function", "command echo", "command python3"};

    private CommandOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int runnerTrials = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int sweepTrials = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path tmp = Files.createTempDirectory("command-overhead");
        System.out.printf(Locale.ROOT, "cores: %d, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("one trial at a time, trial runner only (ms per trial: mean, median, p90):");
        for (String name : ORDER) {
            double[] ms = runner(name, runnerTrials, tmp.resolve("runner-" + name.replace(' ', '-')));
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "  %-16s %7.2f %7.2f %7.2f%n", name, Arrays.stream(ms).average().orElse(0),
                    ms[ms.length / 2], ms[(int) (ms.length * 0.9)]);
        }
        TestSpark.session();
        System.out.println("sweeps on local[2], parallelism 2, " + sweepTrials + " trials (wall s, ms per trial):");
        for (String name : ORDER) {
            sweep(name, 10, tmp.resolve("warm-" + name.replace(' ', '-')));
            long start = System.nanoTime();
            SweepOutcome outcome = sweep(name, sweepTrials, tmp.resolve("sweep-" + name.replace(' ', '-')));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  %-16s %7.2f %7.2f  (%d completed)%n", name, seconds, seconds * 1000 / sweepTrials,
                    outcome.counts().completed());
        }
    }

    private static SweepSpec spec(String name, int trials) {
        return SpecParser.parse("bench", "{\"params\": {\"x\": \"uniform[-2:2]\"}, \"trainable\": " + TRAINABLES.get(name)
                + ", \"searcher\": {\"type\": \"random\", \"seed\": 1}, \"budget\": {\"maxTrials\": " + trials
                + ", \"parallelism\": 2}}", "bench", new Overrides());
    }

    private static double[] runner(String name, int trials, Path dir) throws Exception {
        SweepSpec spec = spec(name, trials);
        TrialRunner runner = new TrialRunner(new StoreLocation(SweepDirectory.at(dir.toString(), new Configuration())),
                spec.trainable(), spec.scheduler(), spec.goals(), null, 1, 2_000, null);
        for (int i = 0; i < 20; i++) {
            check(runner.run(new Trial(i, Config.of(Map.of("x", 0.5)), i, 1)));
        }
        double[] ms = new double[trials];
        for (int i = 0; i < trials; i++) {
            long start = System.nanoTime();
            check(runner.run(new Trial(100 + i, Config.of(Map.of("x", 0.5)), i, 1)));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static void check(TrialResult result) {
        if (result.status() != TrialStatus.COMPLETED) {
            throw new IllegalStateException("trial failed: " + result.error());
        }
    }

    private static SweepOutcome sweep(String name, int trials, Path dir) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return SparkTune.run(spec(name, trials), new RunOptions(dir.toString(), null, Duration.ofSeconds(60), quiet, 60_000));
    }
}
