package io.sparktune.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepOutcome;
import io.sparktune.core.Goals;
import io.sparktune.core.TrialResult;
import io.sparktune.pareto.Hypervolume;
import io.sparktune.pareto.ParetoFront;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.Json;
import io.sparktune.testing.SweepFiles;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real multi-objective example (conf/spaces/fashion-mlp-pareto.json: val_accuracy against the
 * network's weights, DJL MLP on Fashion-MNIST, random search, parallelism 2 on local[2]), run with
 * full training (fifo) and with MO-ASHA on the same trials (the same searcher seed): epochs trained
 * (the sum of the trials' progress logs), wall time, and the hypervolume of the final front (the
 * feasible non-dominated trials' last metrics) against the reference point (val_accuracy 0.5,
 * parameters 1,000,000), in accuracy × million weights. Also writes each sweep's HTML report.
 *
 * <pre>bench/pareto-mlp.sh [--trials 24] [--epochs 9] [--seeds 3,4] [--schedules fifo,asha] [--data DIR] [--out DIR]</pre>
 */
public final class ParetoMlp {
    private static final double REFERENCE_ACCURACY = 0.5;
    private static final double REFERENCE_WEIGHTS = 1_000_000;

    public static void main(String[] args) throws Exception {
        int trials = EngineOverhead.intArg(args, "--trials", 24);
        int epochs = EngineOverhead.intArg(args, "--epochs", 9);
        List<String> seeds = List.of(EngineOverhead.stringArg(args, "--seeds", "3").split(","));
        // Full training does not depend on the scheduler and trains each trial from its own seed, so a rerun may skip it.
        List<String> schedules = List.of(EngineOverhead.stringArg(args, "--schedules", "fifo,asha").split(","));
        String data = Path.of(EngineOverhead.stringArg(args, "--data", "../shared/datasets/fashion-mnist")).toAbsolutePath().toString();
        Path work = Path.of(EngineOverhead.stringArg(args, "--out", Files.createTempDirectory("sparktune-pareto-mlp").toString()));
        SparkSession spark = SparkSession.builder().master("local[2]").appName("pareto-mlp")
                .config("spark.ui.enabled", "false").config("spark.scheduler.mode", "FAIR").getOrCreate();
        System.out.printf(Locale.ROOT, "machine: %d cores, Spark %s local[2]; fashion-mlp-pareto, %d trials, %d epochs, parallelism 2, data %s%n",
                Runtime.getRuntime().availableProcessors(), spark.version(), trials, epochs, data);
        System.out.printf(Locale.ROOT, "reference point: val_accuracy %.1f, parameters %,.0f; hypervolume in accuracy x million weights%n",
                REFERENCE_ACCURACY, REFERENCE_WEIGHTS);
        for (String seed : seeds) {
            for (String schedule : schedules) {
                ObjectNode spec = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("conf/spaces/fashion-mlp-pareto.json")));
                ((ObjectNode) spec.get("params")).put("epochs", epochs);
                ((ObjectNode) spec.get("budget")).put("maxTrials", trials);
                ((ObjectNode) spec.get("searcher")).put("seed", Long.parseLong(seed));
                ((ObjectNode) spec.with("trainable").with("data")).put("dir", data);
                if (schedule.equals("fifo")) {
                    spec.putObject("scheduler").put("type", "fifo");
                } else {
                    ((ObjectNode) spec.get("scheduler")).put("maxSteps", epochs);
                }
                Path out = work.resolve("seed" + seed + "-" + schedule);
                SweepSpec parsed = SpecParser.parse("fashion-mlp-pareto.json", spec.toString(), "fashion-mlp-pareto", new Overrides());
                SweepOutcome outcome = SparkTune.run(parsed,
                        new RunOptions(out.toString(), null, Duration.ofSeconds(60), new PrintStream(System.err, true), 60_000));
                List<TrialResult> results = new SweepFiles(out.toString()).results();
                long trained = FmnistSchedulers.epochsTrained(out, results);
                List<TrialResult> front = front(parsed.goals(), results);
                System.out.printf(Locale.ROOT, "%n| seed | schedule | trials | epochs trained | wall s | front size | hypervolume |%n"
                        + "| --- | --- | --- | --- | --- | --- | --- |%n| %s | %s | %d | %d | %.0f | %d | %.4f |%n", seed, schedule, results.size(), trained,
                        outcome.elapsed().toMillis() / 1000.0, front.size(), hypervolume(front));
                SparkTune.report(out.toString(), out.resolve("report.html").toString(), null);
                System.out.printf(Locale.ROOT, "%nits front (report: %s)%n", out.resolve("report.html"));
                System.out.println("| trial | hidden | layers | parameters | val_accuracy | epochs | status |\n| --- | --- | --- | --- | --- | --- | --- |");
                for (TrialResult r : front) {
                    System.out.print(String.format(Locale.ROOT, "| %d | %s | %s | %,.0f | %.4f | %d | %s |%n", r.id(), r.config().values().get("hidden"),
                            r.config().values().get("layers"), r.metrics().get("parameters"), r.metrics().get("val_accuracy"), r.steps(),
                            r.status().name().toLowerCase(Locale.ROOT)));
                }
                System.out.flush();
            }
        }
        spark.stop();
    }

    private static List<TrialResult> front(Goals goals, List<TrialResult> results) {
        ParetoFront front = new ParetoFront(goals);
        results.forEach(front::offer);
        return front.members();
    }

    private static double hypervolume(List<TrialResult> front) {
        List<double[]> points = new ArrayList<>();
        for (TrialResult r : front) {
            points.add(new double[]{-r.metrics().get("val_accuracy"), r.metrics().get("parameters") / 1e6});
        }
        return Hypervolume.of(points, new double[]{-REFERENCE_ACCURACY, REFERENCE_WEIGHTS / 1e6});
    }
}
