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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The sweep's trials as a table: one row per trial, its parameters and metrics as columns. Spark
 * reads it from the journal, so 100,000 trials never sit in one JVM list; {@link TrialParquet} keeps
 * it as {@code trials.parquet}.
 */
public final class TrialTable {
    private TrialTable() {
    }

    /**
     * The trial table: trials.parquet when it is current (no run holds the sweep), else read from
     * the journal, which is slower but includes the trials a live run has recorded so far.
     */
    public static Dataset<Row> read(SparkSession spark, SweepDirectory dir) throws IOException {
        if (TrialParquet.exists(dir) && !dir.exists(dir.resolve(SweepLock.FILE))) {
            return spark.read().parquet(dir.resolve(TrialParquet.DIR).toString());
        }
        return fromJournal(spark, dir);
    }

    /**
     * Trial rows: trial_id, status, each parameter, each metric (prefixed {@code metric_} where a
     * parameter has the same name), steps, duration_s, host, error, attempt, seed.
     */
    public static Dataset<Row> fromJournal(SparkSession spark, SweepDirectory dir) {
        Dataset<Row> records = spark.read().option("allowNonNumericNumbers", "true").json(dir.resolve("journal").toString());
        Set<String> fields = new HashSet<>(Arrays.asList(records.columns()));
        if (!fields.contains("status")) {
            return spark.emptyDataFrame();
        }
        Dataset<Row> results = records.filter(col("kind").equalTo("result")).dropDuplicates("id");
        List<Column> columns = new ArrayList<>();
        columns.add(col("id").as("trial_id"));
        columns.add(col("status"));
        Set<String> params = new HashSet<>();
        for (String name : structFields(results.schema(), "config")) {
            params.add(name);
            columns.add(col("config.`" + name + "`").as(name));
        }
        for (String name : structFields(results.schema(), "metrics")) {
            columns.add(col("metrics.`" + name + "`").as(TrialColumns.metric(name, params)));
        }
        columns.add(col("steps"));
        columns.add(col("end").minus(col("start")).divide(1000.0).as("duration_s"));
        columns.add(col("host"));
        columns.add(fields.contains("error") ? col("error") : org.apache.spark.sql.functions.lit(null).cast("string").as("error"));
        columns.add(col("attempt"));
        columns.add(col("seed"));
        return results.select(columns.toArray(new Column[0])).orderBy("trial_id");
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
