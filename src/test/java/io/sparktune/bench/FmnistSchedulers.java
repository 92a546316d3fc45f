package io.sparktune.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.core.TrialResult;
import io.sparktune.api.SweepOutcome;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.store.Json;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.SweepFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Early stopping on the reference sweep (conf/spaces/fashion-mlp.json: an MLP on Fashion-MNIST,
 * DJL, random search, parallelism 2 on local[2]) trained up to 27 epochs: each scheduler runs the
 * same trials (same searcher seed), and prints the epochs trained (the sum of the trials' progress
 * logs), the wall time and the best val_accuracy.
 *
 * <pre>bench/fmnist-schedulers.sh [--trials 12] [--schedulers asha,fifo] [--data DIR]</pre>
 */
public final class FmnistSchedulers {
    public static void main(String[] args) throws Exception {
        int trials = EngineOverhead.intArg(args, "--trials", 12);
        List<String> schedulers = List.of(EngineOverhead.stringArg(args, "--schedulers", "asha,fifo").split(","));
        String data = Path.of(EngineOverhead.stringArg(args, "--data", "../shared/datasets/fashion-mnist")).toAbsolutePath().toString();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("fmnist-schedulers")
                .config("spark.ui.enabled", "false").config("spark.scheduler.mode", "FAIR").getOrCreate();
        Path work = Files.createTempDirectory("sparktune-fmnist");
        System.out.printf(Locale.ROOT, "machine: %d cores, Spark %s local[2]; fashion-mlp, %d trials, up to 27 epochs, parallelism 2%n",
                Runtime.getRuntime().availableProcessors(), spark.version(), trials);
        System.out.println("| scheduler | trials | epochs trained | wall s | best val_accuracy | best trial |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (String scheduler : schedulers) {
            ObjectNode spec = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("conf/spaces/fashion-mlp.json")));
            ((ObjectNode) spec.get("params")).put("epochs", 27);
            ((ObjectNode) spec.get("budget")).put("maxTrials", trials);
            ((ObjectNode) spec.with("trainable").with("data")).put("dir", data);
            ObjectNode options = spec.putObject("scheduler").put("type", scheduler);
            if (!scheduler.equals("fifo") && !scheduler.equals("median")) {
                options.put("maxSteps", 27);
            }
            if (scheduler.equals("asha")) {
                options.put("gracePeriod", 1).put("reductionFactor", 3);
            }
            if (scheduler.equals("pbt")) {
                // The optimiser's settings only: a clone must load its parent's checkpoint, so the architecture stays.
                options.put("perturbationInterval", 3).putArray("mutations").add("lr").add("dropout");
            }
            Path out = work.resolve(scheduler);
            SweepOutcome outcome = SparkTune.run(SpecParser.parse("fashion-mlp.json", spec.toString(), "fashion-mlp", new Overrides()),
                    new RunOptions(out.toString(), null, Duration.ofSeconds(60), new PrintStream(System.err, true), 60_000));
            List<TrialResult> results = new SweepFiles(out.toString()).results();
            long epochs = epochsTrained(out, results);
            TrialResult best = outcome.best();
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.4f | %d: %s |%n", scheduler, results.size(), epochs,
                    outcome.elapsed().toMillis() / 1000.0, best.metrics().get("val_accuracy"), best.id(), best.config());
        }
        spark.stop();
    }

    /** The steps in the trials' progress logs: a resumed trial's steps count once. */
    static long epochsTrained(Path out, List<TrialResult> results) throws IOException {
        SweepDirectory dir = SweepDirectory.at(out.toString(), new Configuration());
        long epochs = 0;
        for (TrialResult r : results) {
            epochs += ProgressLog.read(dir, r.id()).size();
        }
        return epochs;
    }
}
