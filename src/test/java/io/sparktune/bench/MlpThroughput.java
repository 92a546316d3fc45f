package io.sparktune.bench;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.core.TrialResult;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.SweepFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Training throughput of the DJL MLP trial: MLP 784-256-256-10, Adam, batch 128, one thread, on
 * Fashion-MNIST's 60,000 training images. Samples/s is 60,000 over the time between the reports of
 * epochs 1 and 2 (a training epoch plus the 10,000-image validation pass), so start-up and the first
 * epoch's warm-up are left out; bench/mlp_throughput.py measures PyTorch the same way. Runs one trial
 * alone, then two at once on local[2] (two trials in one JVM).
 *   bench/run-main io.sparktune.bench.MlpThroughput DATASET_DIR OUT_DIR
 */
public final class MlpThroughput {
    private static final int TRAIN = 60_000;

    public static void main(String[] args) throws Exception {
        String data = args[0];
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        SparkSession.builder().master("local[2]").appName("mlp-throughput").config("spark.ui.enabled", "false")
                .config("spark.scheduler.mode", "FAIR").getOrCreate();
        for (int parallel : new int[] {1, 2}) {
            String json = "{\"metric\": \"val_accuracy\", \"mode\": \"max\", \"params\": {\"lr\": 0.001, \"hidden\": 256, \"layers\": 2,"
                    + " \"batch_size\": 128, \"epochs\": 2, \"optimizer\": \"adam\"},"
                    + " \"trainable\": {\"type\": \"mlp\", \"data\": {\"dir\": \"" + data + "\", \"train\": \"train\", \"validation\": \"t10k\","
                    + " \"format\": \"idx\"}}, \"searcher\": {\"type\": \"random\", \"seed\": 1},"
                    + " \"budget\": {\"maxTrials\": " + parallel + ", \"parallelism\": " + parallel + "}}";
            String dir = out.resolve("parallel-" + parallel).toString();
            SparkTune.run(SpecParser.parse("bench", json, "bench", new Overrides()),
                    new RunOptions(dir, null, Duration.ofSeconds(60), new PrintStream(OutputStream.nullOutputStream()), 60_000));
            for (TrialResult r : new SweepFiles(dir).results()) {
                List<ProgressLog.Step> steps = ProgressLog.read(SweepDirectory.at(dir, new Configuration()), r.id());
                double seconds = (steps.get(1).timeMillis() - steps.get(0).timeMillis()) / 1000.0;
                System.out.printf(Locale.ROOT, "djl trials_at_once=%d trial=%d epoch_seconds=%.2f samples_per_s=%.0f val_accuracy=%.4f%n",
                        parallel, r.id(), seconds, TRAIN / seconds, r.metrics().get("val_accuracy"));
            }
        }
        SparkSession.active().stop();
    }
}
