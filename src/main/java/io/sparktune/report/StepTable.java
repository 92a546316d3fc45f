package io.sparktune.report;

import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.regexp_extract;

/**
 * Every step that trials reported, read by Spark from {@code trials/<id>/progress.jsonl}: one row per
 * step with trial_id, step, time and each metric as a column.
 */
public final class StepTable {
    private static final String PROGRESS = "trials/*/progress.jsonl";

    private StepTable() {
    }

    public static Dataset<Row> read(SparkSession spark, SweepDirectory dir) {
        if (!anyProgress(dir)) {
            StructType empty = new StructType().add("trial_id", DataTypes.IntegerType).add("step", DataTypes.LongType)
                    .add("time", DataTypes.TimestampType);
            return spark.createDataFrame(List.of(), empty);
        }
        Dataset<Row> lines = spark.read().option("allowNonNumericNumbers", "true").json(dir.resolve(PROGRESS).toString());
        List<Column> columns = new ArrayList<>();
        // The trial id is only in the file's path: trials/<id>/progress.jsonl.
        columns.add(regexp_extract(input_file_name(), "trials/([0-9]+)/progress\\.jsonl", 1).cast("int").as("trial_id"));
        columns.add(col("step"));
        columns.add(col("time").divide(1000.0).cast("timestamp").as("time"));
        if (lines.schema().getFieldIndex("metrics").isDefined()
                && lines.schema().apply("metrics").dataType() instanceof StructType metrics) {
            for (String name : metrics.fieldNames()) {
                columns.add(col("metrics.`" + name + "`").as(name));
            }
        }
        return lines.select(columns.toArray(new Column[0]));
    }

    private static boolean anyProgress(SweepDirectory dir) {
        try {
            FileStatus[] found = dir.fs().globStatus(dir.resolve(PROGRESS));
            return found != null && found.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.resolve(PROGRESS), e);
        }
    }
}
