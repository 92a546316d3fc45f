package io.sparktune.report;

import io.sparktune.store.Journal;
import io.sparktune.store.SweepDirectory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * The sweep's trials as a table: one row per trial, its parameters and metrics as columns. Spark
 * reads it from the journal, so 100,000 trials never sit in one JVM list; {@link TrialParquet} keeps
 * the same columns in {@code trials.parquet}.
 *
 * @param rows    trial_id, status, each parameter, each metric, steps, duration_s, started, finished,
 *                host, error, attempt, seed
 * @param params  the parameter columns, in the journal's order: a parameter is prefixed {@code param_} where a
 *                fixed column has its name
 * @param metrics the metric columns: a metric is prefixed {@code metric_} where a parameter or fixed column has
 *                its name
 */
public record TrialTable(Dataset<Row> rows, List<String> params, List<String> metrics) {
    private static final String FILE = "_journal_file";
    private static final String LINE = "_journal_line";
    private static final String NTH = "_nth_result";
    private static final String VOIDED = "_voided_attempt";

    /** The trial rows alone, for Spark SQL and {@code z.show}. */
    public static Dataset<Row> current(SparkSession spark, SweepDirectory dir) throws IOException {
        return read(spark, dir).rows();
    }

    /**
     * The sweep's table from trials.parquet when it is current (no run holds the sweep and the journal
     * has not changed since), a columnar read in seconds for 100,000 trials; else from the journal's
     * JSON, slower, but with what a live run has recorded so far. An empty table (no columns) when no
     * trial has finished. A sweep with several objectives or constraints gets {@code rank},
     * {@code feasible} and {@code infeasible_because} columns too.
     */
    public static TrialTable read(SparkSession spark, SweepDirectory dir) throws IOException {
        Optional<TrialTable> saved = TrialParquet.readIfCurrent(spark, dir);
        return ParetoColumns.add(spark, dir, saved.isPresent() ? saved.get() : fromJournal(spark, dir));
    }

    /** Reads the journal with Spark. */
    static TrialTable fromJournal(SparkSession spark, SweepDirectory dir) {
        if (!hasJournal(dir)) {
            return new TrialTable(spark.emptyDataFrame(), List.of(), List.of());
        }
        Dataset<Row> records = spark.read().option("allowNonNumericNumbers", "true").json(dir.resolve("journal").toString());
        Set<String> fields = new HashSet<>(Arrays.asList(records.columns()));
        if (!fields.contains("status")) {
            return new TrialTable(spark.emptyDataFrame(), List.of(), List.of());
        }
        // JournalTrials' rule: a trial's first result of an attempt later than every attempt a retry record voided, in
        // file-name then line order. Splits of one file are numbered in offset order, so the row id follows the lines
        // within a file.
        Dataset<Row> voided = records.filter(col("kind").equalTo("retry")).groupBy("id").agg(max("attempt").as(VOIDED));
        Dataset<Row> results = records.filter(col("kind").equalTo("result"))
                .withColumn(FILE, input_file_name()).withColumn(LINE, monotonically_increasing_id())
                .join(voided, "id", "left")
                .filter(col("attempt").gt(coalesce(col(VOIDED), lit(0))))
                .withColumn(NTH, row_number().over(Window.partitionBy("id").orderBy(FILE, LINE)))
                .filter(col(NTH).equalTo(1));
        List<Column> columns = new ArrayList<>();
        columns.add(col("id").as("trial_id"));
        columns.add(col("status"));
        List<String> params = new ArrayList<>();
        for (String name : structFields(results.schema(), "config")) {
            String column = TrialColumns.param(name);
            params.add(column);
            columns.add(col("config.`" + name + "`").as(column));
        }
        List<String> metrics = new ArrayList<>();
        for (String name : structFields(results.schema(), "metrics")) {
            String column = metricColumn(params, name);
            metrics.add(column);
            columns.add(col("metrics.`" + name + "`").as(column));
        }
        columns.add(col("steps"));
        columns.add(col("end").minus(col("start")).divide(1000.0).as("duration_s"));
        columns.add(col("start").divide(1000.0).cast("timestamp").as("started"));
        columns.add(col("end").divide(1000.0).cast("timestamp").as("finished"));
        columns.add(col("host"));
        columns.add(fields.contains("error") ? col("error") : lit(null).cast("string").as("error"));
        columns.add(col("attempt"));
        columns.add(col("seed"));
        return new TrialTable(results.select(columns.toArray(new Column[0])).orderBy("trial_id"), List.copyOf(params),
                List.copyOf(metrics));
    }

    private static boolean hasJournal(SweepDirectory dir) {
        try {
            return Journal.fileCount(dir) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal of " + dir.uri(), e);
        }
    }

    /** The column that holds {@code metric}. */
    public String metricColumn(String metric) {
        return metricColumn(params, metric);
    }

    private static String metricColumn(List<String> params, String metric) {
        return TrialColumns.metric(metric, java.util.Set.copyOf(params));
    }

    public boolean isEmpty() {
        return rows.columns().length == 0;
    }

    private static List<String> structFields(StructType schema, String name) {
        if (!Arrays.asList(schema.fieldNames()).contains(name) || !(schema.apply(name).dataType() instanceof StructType struct)) {
            return List.of();
        }
        return Arrays.stream(struct.fields()).map(StructField::name).toList();
    }
}
