package io.sparktune.bench;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.core.TrialResult;
import io.sparktune.api.SweepOutcome;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.SweepFiles;
import io.sparktune.train.function.BenchmarkFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Early stopping against full training on local[2]: branin as a 27-step function trial whose learning
 * curves cross ({@code curveSpread}), random search, the same number of trials for fifo, asha
 * (grace 1, η 3), hyperband (η 3) and median; pbt trains a population of trials/9, against fifo on
 * that many trials ("fifo-small").
 * For each: steps trained (the sum of every trial's progress log: the "epochs"), wall time, and the
 * best final loss as regret above branin's minimum. Medians over the seeds.
 *
 * <pre>bench/schedulers.sh [--seeds 3] [--trials 81] [--step-seconds 0.02] [--spread 10]</pre>
 */
public final class SchedulerBenchmark {
    private record Run(long steps, double seconds, double regret, int trials) {
    }

    public static void main(String[] args) throws Exception {
        int seeds = EngineOverhead.intArg(args, "--seeds", 3);
        int trials = EngineOverhead.intArg(args, "--trials", 81);
        double stepSeconds = doubleArg(args, "--step-seconds", 0.02);
        double spread = doubleArg(args, "--spread", 10);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("scheduler-benchmark")
                .config("spark.ui.enabled", "false").config("spark.scheduler.mode", "FAIR").getOrCreate();
        Path work = Files.createTempDirectory("sparktune-schedulers");
        System.out.printf(Locale.ROOT, "machine: %d cores, Spark %s local[2]; branin, 27 steps of %.3f s, curveSpread %.1f, %d trials, parallelism 2%n",
                Runtime.getRuntime().availableProcessors(), spark.version(), stepSeconds, spread, trials);
        Map<String, String> schedulers = new LinkedHashMap<>();
        schedulers.put("fifo", "\"fifo\"");
        schedulers.put("asha", "{\"type\": \"asha\", \"maxSteps\": 27, \"gracePeriod\": 1, \"reductionFactor\": 3}");
        schedulers.put("hyperband", "{\"type\": \"hyperband\", \"maxSteps\": 27, \"reductionFactor\": 3}");
        schedulers.put("median", "{\"type\": \"median\", \"gracePeriod\": 3, \"minSamples\": 3}");
        schedulers.put("fifo-small", "\"fifo\"");
        schedulers.put("pbt", "{\"type\": \"pbt\", \"maxSteps\": 27, \"perturbationInterval\": 3}");
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int seed = 1; seed <= seeds; seed++) {
            for (Map.Entry<String, String> s : schedulers.entrySet()) {
                int count = s.getKey().equals("pbt") || s.getKey().equals("fifo-small") ? Math.max(2, trials / 9) : trials;
                Run run = sweep(work.resolve(s.getKey() + "-" + seed), s.getValue(), count, seed, stepSeconds, spread);
                runs.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(run);
                System.out.printf(Locale.ROOT, "seed %d %-9s trials %3d  steps %5d  wall %6.1f s  regret %.4f%n",
                        seed, s.getKey(), run.trials(), run.steps(), run.seconds(), run.regret());
            }
        }
        System.out.println();
        System.out.println("| scheduler | trials | steps trained (median) | fewer than fifo on as many trials | wall s (median) | best regret (median) | regrets per seed |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
            List<Run> r = e.getValue();
            double steps = EngineOverhead.median(r.stream().map(x -> (double) x.steps()).toList());
            String baseline = e.getKey().equals("pbt") || e.getKey().equals("fifo-small") ? "fifo-small" : "fifo";
            double fifoSteps = EngineOverhead.median(runs.get(baseline).stream().map(x -> (double) x.steps()).toList());
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.2f× | %.1f | %.4f | %s |%n", e.getKey(),
                    r.stream().map(x -> String.valueOf(x.trials())).distinct().reduce((a, b) -> a + "/" + b).orElse(""),
                    steps, fifoSteps / steps, EngineOverhead.median(r.stream().map(Run::seconds).toList()),
                    EngineOverhead.median(r.stream().map(Run::regret).toList()),
                    String.join(", ", r.stream().map(x -> String.format(Locale.ROOT, "%.4f", x.regret())).toList()));
        }
        spark.stop();
    }

    private static Run sweep(Path out, String scheduler, int trials, int seed, double stepSeconds, double spread) throws Exception {
        String json = "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\", \"steps\": 27, \"checkpoint\": true,"
                + " \"stepSeconds\": " + stepSeconds + ", \"curveSpread\": " + spread + "},"
                + " \"searcher\": {\"type\": \"random\", \"seed\": " + seed + "}, \"scheduler\": " + scheduler + ","
                + " \"budget\": {\"maxTrials\": " + trials + ", \"parallelism\": 2}}";
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        SweepOutcome outcome = SparkTune.run(SpecParser.parse("bench", json, "bench", new Overrides()),
                new RunOptions(out.toString(), null, Duration.ofSeconds(60), quiet, 60_000));
        SweepDirectory dir = SweepDirectory.at(out.toString(), new Configuration());
        List<TrialResult> results = new SweepFiles(out.toString()).results();
        long steps = 0;
        for (TrialResult r : results) {
            steps += ProgressLog.read(dir, r.id()).size();
        }
        double regret = outcome.best().metrics().get("loss") - BenchmarkFunction.BRANIN.minimum();
        return new Run(steps, outcome.elapsed().toMillis() / 1000.0, regret, results.size());
    }

    private static double doubleArg(String[] args, String name, double fallback) {
        int i = List.of(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? Double.parseDouble(args[i + 1]) : fallback;
    }
}
