package io.sparktune.report;

import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

/**
 * The whole trial table with every reported step, written as one file: one row per step with the
 * trial's columns repeated beside {@code step}, {@code step_time} and {@code step_<metric>}; a trial
 * that reported no step has one row with empty step columns.
 */
public final class TableExport {
    /** The file formats {@code tune export} writes. */
    public enum Format {
        PARQUET, CSV, JSON;

        String sparkName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private TableExport() {
    }

    public static Dataset<Row> withSteps(SparkSession spark, SweepDirectory dir) throws IOException {
        Dataset<Row> trials = TrialTable.current(spark, dir);
        if (trials.columns().length == 0) {
            return trials;
        }
        Dataset<Row> steps = StepTable.read(spark, dir);
        List<Column> renamed = new ArrayList<>();
        for (String name : steps.columns()) {
            renamed.add(col("`" + name + "`").as(name.equals("trial_id") || name.equals("step") ? name : "step_" + name));
        }
        return trials.join(steps.select(renamed.toArray(new Column[0])),
                        JavaConverters.asScalaBuffer(List.of("trial_id")).toSeq(), "left_outer")
                .orderBy(col("trial_id"), col("step"));
    }

    /** Writes the table to {@code to}, replacing it whole: Spark writes aside, then its one file is renamed into place. */
    public static void write(SparkSession spark, SweepDirectory dir, Format format, String to) throws IOException {
        Dataset<Row> table = withSteps(spark, dir);
        if (format == Format.CSV) {
            table = flat(table);
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path target = new Path(to);
        FileSystem fs = target.getFileSystem(conf);
        target = fs.makeQualified(target);
        Path temp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
        try {
            table.coalesce(1).write().format(format.sparkName()).option("header", "true").mode(SaveMode.ErrorIfExists)
                    .save(temp.toString());
            FileStatus[] parts = fs.globStatus(new Path(temp, "part-*"));
            if (parts == null || parts.length != 1) {
                throw new IOException("expected one part file in " + temp + ", found " + (parts == null ? 0 : parts.length));
            }
            FileContext.getFileContext(fs.getUri(), conf).rename(parts[0].getPath(), target, Options.Rename.OVERWRITE);
        } finally {
            fs.delete(temp, true);
        }
    }

    /** CSV holds no lists or records: such columns become their JSON text. */
    private static Dataset<Row> flat(Dataset<Row> table) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : table.schema().fields()) {
            Column c = col("`" + field.name() + "`");
            boolean nested = field.dataType() instanceof ArrayType || field.dataType() instanceof StructType
                    || field.dataType() instanceof MapType;
            columns.add(nested ? to_json(c).as(field.name()) : c);
        }
        return table.select(columns.toArray(new Column[0]));
    }
}
