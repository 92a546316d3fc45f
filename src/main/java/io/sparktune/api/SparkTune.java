package io.sparktune.api;

import io.sparktune.core.Goals;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialStatus;
import io.sparktune.report.HtmlReport;
import io.sparktune.report.ResultsTable;
import io.sparktune.report.StepTable;
import io.sparktune.report.TableExport;
import io.sparktune.report.TrialTable;
import io.sparktune.spec.CommandSweep;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The public Java API, used by the CLI, notebooks and users' own programs.
 *
 * <pre>{@code
 * SweepOutcome outcome = SparkTune.sweep(spark)
 *     .space("conf/spaces/quickstart.json")
 *     .param("x0", "uniform[-5:10]")
 *     .maxTrials(50)
 *     .out("hdfs:///sweeps/branin")
 *     .run();
 * Dataset<Row> trials = SparkTune.trials(spark, "hdfs:///sweeps/branin");
 * Dataset<Row> steps = SparkTune.steps(spark, "hdfs:///sweeps/branin");
 * SparkTune.report("hdfs:///sweeps/branin", "branin.html", null);
 * }</pre>
 */
public final class SparkTune {
    private SparkTune() {
    }

    /** A sweep to configure and run on {@code spark} (null: SparkTune starts an embedded local Spark). */
    public static Sweep sweep(SparkSession spark) {
        return new Sweep(spark);
    }

    /** Reads and validates a space file (local without a scheme, else on its Hadoop file system) with overrides applied. */
    public static SweepSpec spec(String spaceFile, Overrides overrides) {
        Path path = FlagPath.of("--space", spaceFile);
        String name = path.getName().replaceFirst("\\.json$", "");
        return SpecParser.parse(spaceFile, readSpaceFile(spaceFile, path), name, overrides);
    }

    /** The spec of a sweep with no space file ({@code tune run --command}): each trial runs {@code commandLine}. */
    public static SweepSpec commandSpec(String commandLine, Overrides overrides) {
        return CommandSweep.parse(commandLine, overrides);
    }

    private static String readSpaceFile(String spaceFile, Path path) {
        try {
            // A path with no scheme is the local file the user means, even where fs.defaultFS is HDFS
            // (a YARN gateway, a driver in a YARN container that was sent the file with --files).
            Configuration conf = SweepRun.HadoopConf.fromSparkProperties();
            FileSystem fs = path.toUri().getScheme() == null ? FileSystem.getLocal(conf) : path.getFileSystem(conf);
            if (fs.getFileStatus(path).isDirectory()) {
                throw new InvalidInputException(spaceFile, "", "is a directory, not a space file");
            }
            try (InputStream in = fs.open(path)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (FileNotFoundException e) {
            throw new InvalidInputException(spaceFile, "", "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(spaceFile, "", "cannot read: " + e.getMessage());
        }
    }

    /** Runs (or resumes) a sweep and returns how it ended. */
    public static SweepOutcome run(SweepSpec spec, RunOptions options) throws IOException, InterruptedException {
        return SweepRun.execute(spec, options);
    }

    /**
     * The trials a run of {@code spec} on {@code out} (null: the default directory) would start
     * first, without running or writing anything.
     */
    public static SweepPreview preview(SweepSpec spec, String out, int limit) {
        return SweepPreview.of(spec, out, limit);
    }

    /**
     * The best {@code top} trials of the sweep in {@code dir} with one of {@code statuses}, by
     * {@code objective} (null: the sweep's own), read on the driver in one pass that keeps only them;
     * with no {@code objective} and a sweep of several objectives or constraints, by Pareto rank, then
     * crowding distance, with {@code rank} and {@code feasible} columns.
     */
    public static ResultsTable compare(String dir, Objective objective, Set<TrialStatus> statuses, int top, List<String> columns)
            throws IOException {
        SweepDirectory directory = open(dir);
        SweepFile sweep = sweepFile(dir, directory);
        if (objective == null && !sweep.goals().single()) {
            return ResultsTable.ranked(directory, sweep.goals(), statuses, top, columns);
        }
        return ResultsTable.read(directory, objective == null ? sweep.objective() : objective, statuses, top, columns);
    }

    /** The sweep's trials as a DataFrame, parameters and metrics as columns, for Spark SQL and {@code z.show}. */
    public static Dataset<Row> trials(SparkSession spark, String dir) throws IOException {
        return TrialTable.current(spark, open(dir));
    }

    /** Every step the sweep's trials reported: trial_id, step, time and each metric as a column. */
    public static Dataset<Row> steps(SparkSession spark, String dir) {
        return StepTable.read(spark, open(dir));
    }

    /**
     * Writes the sweep's HTML report, one self-contained file, to {@code html} (any Hadoop path). It
     * runs on the Spark session already running, else on an embedded one ({@code master}, null: local[*]).
     */
    public static void report(String dir, String html, String master) throws IOException {
        SweepDirectory directory = open(dir);
        sweepFile(dir, directory);
        try (SparkSessions spark = SparkSessions.obtain("sparktune report", master, List.of())) {
            HtmlReport.write(spark.session(), directory, html);
        }
    }

    /**
     * Writes the whole trial table, one row per reported step, as one file at {@code to}; on the
     * running Spark session, else an embedded one ({@code master}, null: local[*]).
     */
    public static void export(String dir, TableExport.Format format, String to, String master) throws IOException {
        SweepDirectory directory = open(dir);
        sweepFile(dir, directory);
        try (SparkSessions spark = SparkSessions.obtain("sparktune export", master, List.of())) {
            if (TrialTable.read(spark.session(), directory).isEmpty()) {
                throw new InvalidInputException("--out", dir, "no trial has finished yet; nothing to export");
            }
            TableExport.write(spark.session(), directory, format, to);
        }
    }

    /** The best trial: its config, metrics and model path, as best/best.json holds them. */
    public static Optional<BestTrial> best(String dir) throws IOException {
        SweepDirectory directory = open(dir);
        sweepFile(dir, directory);
        return BestTrial.read(directory);
    }

    /** The Pareto front of a sweep with several objectives or constraints; empty until a feasible trial finishes. */
    public static Optional<ParetoTrials> front(String dir) throws IOException {
        SweepDirectory directory = open(dir);
        sweepFile(dir, directory);
        return ParetoTrials.read(directory);
    }

    /** What the sweep in {@code dir} optimises, as its sweep.json says. */
    public static Goals goals(String dir) throws IOException {
        return sweepFile(dir, open(dir)).goals();
    }

    private static SweepFile sweepFile(String dir, SweepDirectory directory) throws IOException {
        return SweepFile.read(directory)
                .orElseThrow(() -> new InvalidInputException("--out", dir, "no sweep here (no sweep.json)"));
    }

    /** Where a sweep stands: counts, the lock's holder, the journal's size. */
    public static SweepStatus status(String dir) throws IOException {
        return SweepStatus.read(open(dir));
    }

    /** One trial: its config, result and kept outputs such as a command's stdout and stderr tails. */
    public static TrialReport trial(String dir, int id) throws IOException {
        return TrialReport.read(open(dir), id);
    }

    static SweepDirectory open(String dir) {
        FlagPath.of("--out", dir);
        return SweepDirectory.at(dir, SweepRun.HadoopConf.fromSparkProperties());
    }
}
