package io.sparktune.bench;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.core.TrialStatus;
import io.sparktune.api.SweepOutcome;
import io.sparktune.report.ResultsTable;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import org.apache.spark.sql.SparkSession;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 9's scale figures on local[2]: a 100,000-point grid of 0 s trials (trials/s, driver heap
 * after a full GC when 1k, 10k and 100k trials are done, size and file count of the sweep
 * directory), the time to resume the finished 100k directory, and the time to read its table with
 * Spark.
 *
 * <pre>bench/scale.sh [--trials 100000] [--per-task N (default: the engine packs)]</pre>
 */
public final class ScaleBenchmark {
    private static final Pattern DONE = Pattern.compile("^trials (\\d+)/");

    public static void main(String[] args) throws Exception {
        int trials = EngineOverhead.intArg(args, "--trials", 100_000);
        int perTask = EngineOverhead.intArg(args, "--per-task", 0);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("scale")
                .config("spark.ui.enabled", "false").config("spark.scheduler.mode", "FAIR").getOrCreate();
        Path out = Files.createTempDirectory("sparktune-scale").resolve("grid");
        String json = "{\"params\": {\"a\": \"0:" + (trials / 100 - 1) + "\", \"b\": \"0:99\", \"x\": 0.1},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"},"
                + " \"budget\": {\"parallelism\": 2" + (perTask > 0 ? ", \"trialsPerTask\": " + perTask : "") + "}}";
        SweepSpec spec = SpecParser.parse("scale", json, "scale", new Overrides());
        HeapAtMilestones heap = new HeapAtMilestones(List.of(1_000, 10_000, trials));
        SweepOutcome outcome = SparkTune.run(spec, new RunOptions(out.toString(), null, Duration.ofSeconds(60), heap, 250));
        double seconds = outcome.elapsed().toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "%d-trial grid, trialsPerTask %s: %d done in %.1f s, %.0f trials/s%n",
                trials, perTask > 0 ? String.valueOf(perTask) : "auto", outcome.counts().done(), seconds, outcome.counts().done() / seconds);
        heap.report();
        long[] sizeAndFiles = sizeAndFiles(out);
        System.out.printf(Locale.ROOT, "sweep directory: %.1f MB in %d files (journal: %d files)%n",
                sizeAndFiles[0] / 1e6, sizeAndFiles[1], Files.list(out.resolve("journal")).count());

        long start = System.nanoTime();
        SweepOutcome resumed = SparkTune.run(spec, new RunOptions(out.toString(), null, Duration.ofSeconds(60),
                new PrintStream(OutputStream.nullOutputStream()), 60_000));
        System.out.printf(Locale.ROOT, "resume of the finished %d-trial directory: %.2f s (status %s)%n",
                resumed.counts().done(), (System.nanoTime() - start) / 1e9, resumed.exitCode());

        start = System.nanoTime();
        long rows = SparkTune.trials(spark, out.toString()).count();
        System.out.printf(Locale.ROOT, "SparkTune.trials(...).count() = %d in %.2f s%n", rows, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        long parquetRows = spark.read().parquet(out.resolve("trials.parquet").toString()).count();
        System.out.printf(Locale.ROOT, "trials.parquet count = %d in %.2f s%n", parquetRows, (System.nanoTime() - start) / 1e9);
        spark.stop();
        // As `tune report` runs: no session in the JVM, so it starts an embedded local one and stops it.
        for (int i = 1; i <= 2; i++) {
            start = System.nanoTime();
            Path html = out.resolveSibling("report-" + i + ".html");
            SparkTune.report(out.toString(), html.toString(), "local[2]");
            System.out.printf(Locale.ROOT, "tune report, Spark's start included (%s in the JVM): %.2f s, %d KiB%n",
                    i == 1 ? "first" : "second", (System.nanoTime() - start) / 1e9, Files.size(html) / 1024);
        }
        start = System.nanoTime();
        int compared = SparkTune.compare(out.toString(), null, EnumSet.allOf(TrialStatus.class), 20, ResultsTable.DEFAULT_COLUMNS).rows().size();
        System.out.printf(Locale.ROOT, "tune compare --top %d: %.2f s%n", compared, (System.nanoTime() - start) / 1e9);
    }

    private static long[] sizeAndFiles(Path dir) throws Exception {
        long[] out = new long[2];
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                out[0] += f.toFile().length();
                out[1]++;
            });
        }
        return out;
    }

    /** Reads the progress lines and, as the done count passes each milestone, measures the heap after a full GC. */
    private static final class HeapAtMilestones extends PrintStream {
        private final List<Integer> milestones;
        private final List<String> measured = new ArrayList<>();
        private int next;

        HeapAtMilestones(List<Integer> milestones) {
            super(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            this.milestones = milestones;
        }

        @Override
        public void println(String line) {
            Matcher m = DONE.matcher(line);
            if (m.find()) {
                int done = Integer.parseInt(m.group(1));
                while (next < milestones.size() && done >= milestones.get(next)) {
                    System.gc();
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    measured.add(String.format(Locale.ROOT, "driver heap after GC at %d trials done: %.1f MB", done, used / 1e6));
                    next++;
                }
            }
        }

        void report() {
            measured.forEach(System.out::println);
        }
    }
}
