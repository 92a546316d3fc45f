package io.sparktune.report;

import io.sparktune.core.TrialResult;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepLock;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The sweep's trials as a table: one row per trial, its parameters and metrics as columns. Spark
 * reads it from the journal, so 100,000 trials never sit in one JVM list; {@link TrialParquet} keeps
 * the same columns in {@code trials.parquet}.
 *
 * @param rows    trial_id, status, each parameter, each metric, steps, duration_s, started, finished,
 *                host, error, attempt, seed
 * @param params  the parameter columns, in the journal's order
 * @param metrics the metric columns: a metric is prefixed {@code metric_} where a parameter has its name
 */
public record TrialTable(Dataset<Row> rows, List<String> params, List<String> metrics) {
    /** The trial rows alone, for Spark SQL and {@code z.show}. */
    public static Dataset<Row> fromJournal(SparkSession spark, SweepDirectory dir) {
        return read(spark, dir).rows();
    }

    /**
     * The trial rows from trials.parquet when it is current (no run holds the sweep), else from the
     * journal, which is slower but includes what a live run has recorded so far.
     */
    public static Dataset<Row> current(SparkSession spark, SweepDirectory dir) throws IOException {
        if (TrialParquet.exists(dir) && !dir.exists(dir.resolve(SweepLock.FILE))) {
            return spark.read().parquet(dir.resolve(TrialParquet.DIR).toString());
        }
        return fromJournal(spark, dir);
    }

    /** Reads the journal with Spark; an empty table (no columns) when no trial has finished. */
    public static TrialTable read(SparkSession spark, SweepDirectory dir) {
        if (!hasJournal(dir)) {
            return new TrialTable(spark.emptyDataFrame(), List.of(), List.of());
        }
        Dataset<Row> records = spark.read().option("allowNonNumericNumbers", "true").json(dir.resolve("journal").toString());
        Set<String> fields = new HashSet<>(Arrays.asList(records.columns()));
        if (!fields.contains("status")) {
            return new TrialTable(spark.emptyDataFrame(), List.of(), List.of());
        }
        Dataset<Row> results = records.filter(col("kind").equalTo("result")).dropDuplicates("id");
        List<Column> columns = new ArrayList<>();
        columns.add(col("id").as("trial_id"));
        columns.add(col("status"));
        List<String> params = structFields(results.schema(), "config");
        for (String name : params) {
            columns.add(col("config.`" + name + "`").as(name));
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
        return new TrialTable(results.select(columns.toArray(new Column[0])).orderBy("trial_id"), params, List.copyOf(metrics));
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

    /** The finished trials, read on the driver: for tables and summaries of ordinary sweeps. */
    public static List<TrialResult> results(SweepDirectory dir) throws IOException {
        Map<Integer, TrialResult> byId = new LinkedHashMap<>();
        Journal.replay(dir, record -> {
            if (record instanceof JournalRecord.Finished f) {
                byId.putIfAbsent(f.result().id(), f.result());
            }
        });
        return new ArrayList<>(byId.values());
    }
}
