package io.sparktune.bench;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepOutcome;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The engine's own cost on local[2]: (1) trials that sleep 0.2 s in 4 steps, at parallelism 2,
 * against the ideal makespan trials x 0.2 s / 2; (2) trials of 0 s, one per task and packed by the
 * engine (no trialsPerTask), as trials per second; (3) the same 0.2 s trials chosen by a learning
 * searcher, which gets one trial per task: the makespan beyond the ideal, less the time a slot
 * waited for the searcher (its suggestion time, from the journal, over the slots), is the dispatch
 * overhead.
 *
 * <pre>bench/engine-overhead.sh [--runs 3] [--trials 1000] [--trial-seconds 0.2] [--steps 4] [--fast-trials 10000]
 *     [--learning-trials 500] [--learning-searcher tpe]</pre>
 */
public final class EngineOverhead {
    public static void main(String[] args) throws Exception {
        int runs = intArg(args, "--runs", 3);
        int trials = intArg(args, "--trials", 1000);
        int fastTrials = intArg(args, "--fast-trials", 10000);
        double trialSeconds = Double.parseDouble(stringArg(args, "--trial-seconds", "0.2"));
        int steps = intArg(args, "--steps", 4);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("engine-overhead")
                .config("spark.ui.enabled", "false").config("spark.scheduler.mode", "FAIR").getOrCreate();
        Path work = Files.createTempDirectory("sparktune-bench");
        System.out.printf(Locale.ROOT, "machine: %d cores, Spark %s local[2]%n", Runtime.getRuntime().availableProcessors(), spark.version());

        List<Double> ratios = new ArrayList<>();
        for (int run = 1; run <= runs && trials > 0; run++) {
            SweepOutcome outcome = sweep(work.resolve("sleep-" + run), "{\"params\": {\"x\": \"0:" + (trials - 1) + "\"},"
                    + " \"trainable\": {\"type\": \"function\", \"function\": \"noisy\", \"steps\": " + steps
                    + ", \"stepSeconds\": " + trialSeconds / steps + "},"
                    + " \"budget\": {\"parallelism\": 2}}");
            double makespan = outcome.elapsed().toMillis() / 1000.0;
            double ideal = trials * trialSeconds / 2;
            ratios.add(makespan / ideal - 1);
            System.out.printf(Locale.ROOT, "run %d: %d trials x %.2f s (%d steps) on 2 slots: makespan %.2f s, ideal %.2f s, overhead %.2f%%%n",
                    run, outcome.counts().done(), trialSeconds, steps, makespan, ideal, 100 * (makespan / ideal - 1));
        }
        if (!ratios.isEmpty()) {
            System.out.printf(Locale.ROOT, "median overhead: %.2f%%%n", 100 * median(ratios));
        }

        for (String perTask : fastTrials == 0 ? new String[0] : new String[] {"1", "auto"}) {
            List<Double> rates = new ArrayList<>();
            String packing = perTask.equals("auto") ? "" : ", \"trialsPerTask\": " + perTask;
            for (int run = 1; run <= runs; run++) {
                SweepOutcome outcome = sweep(work.resolve("fast-" + perTask + "-" + run), "{\"params\": {\"x\": \"0:" + (fastTrials - 1) + "\"},"
                        + " \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"},"
                        + " \"budget\": {\"parallelism\": 2" + packing + "}}");
                double rate = outcome.counts().done() / (outcome.elapsed().toMillis() / 1000.0);
                rates.add(rate);
                System.out.printf(Locale.ROOT, "run %d: %d trials of 0 s, trialsPerTask %s: %.1f trials/s%n", run, outcome.counts().done(), perTask, rate);
            }
            System.out.printf(Locale.ROOT, "median trialsPerTask %s: %.1f trials/s%n", perTask, median(rates));
        }
        int learningTrials = intArg(args, "--learning-trials", 500);
        String learningSearcher = stringArg(args, "--learning-searcher", "tpe");
        List<Double> dispatch = new ArrayList<>();
        for (int run = 1; run <= runs && learningTrials > 0; run++) {
            Path out = work.resolve("learning-" + run);
            SweepOutcome outcome = sweep(out, "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                    + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\", \"steps\": " + steps
                    + ", \"stepSeconds\": " + trialSeconds / steps + "}, \"searcher\": {\"type\": \"" + learningSearcher + "\"},"
                    + " \"budget\": {\"maxTrials\": " + learningTrials + ", \"parallelism\": 2}}");
            double makespan = outcome.elapsed().toMillis() / 1000.0;
            double ideal = learningTrials * trialSeconds / 2;
            double suggest = suggestSeconds(out);
            double overhead = (makespan - ideal - suggest / 2) / ideal;
            dispatch.add(overhead);
            System.out.printf(Locale.ROOT, "run %d: %s, %d trials x %.2f s on 2 slots: makespan %.2f s, ideal %.2f s, suggesting %.2f s"
                    + " (%.2f s a slot), dispatch overhead %.2f%%%n", run, learningSearcher, outcome.counts().done(), trialSeconds, makespan, ideal,
                    suggest, suggest / 2, 100 * overhead);
        }
        if (!dispatch.isEmpty()) {
            System.out.printf(Locale.ROOT, "median dispatch overhead with %s: %.2f%%%n", learningSearcher, 100 * median(dispatch));
        }
        spark.stop();
    }

    /** The searcher's time, as the journal keeps it for {@code tune status}. */
    private static double suggestSeconds(Path out) throws Exception {
        double[] millis = {0};
        Journal.replay(SweepDirectory.at(out.toString(), new Configuration()), record -> {
            if (record instanceof JournalRecord.Started started) {
                millis[0] += started.suggestMillis();
            }
        });
        return millis[0] / 1000;
    }

    private static SweepOutcome sweep(Path out, String json) throws Exception {
        SweepSpec spec = SpecParser.parse("bench", json, "bench", new Overrides());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return SparkTune.run(spec, new RunOptions(out.toString(), null, Duration.ofSeconds(60), quiet, 60_000));
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, String.valueOf(fallback)));
    }

    static String stringArg(String[] args, String name, String fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }
}
