package io.sparktune.report;

import io.sparktune.core.TrialResult;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalTrials;
import io.sparktune.store.Json;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepLock;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes {@code trials.parquet} straight from the journal with Parquet's own writer: no Spark job,
 * so it costs milliseconds at the end of every run, and a run that started no Spark writes it too.
 * Two passes over the journal: one for the columns and their types, one for the rows.
 */
public final class TrialParquet {
    static final String DIR = "trials.parquet";
    private static final String PART = "part-00000.snappy.parquet";
    /** Which columns are parameters and which metrics, in the file's own metadata. */
    private static final String PARAMS_KEY = "sparktune.params";
    private static final String METRICS_KEY = "sparktune.metrics";

    private enum Kind { LONG, DOUBLE, BOOLEAN, STRING }

    private TrialParquet() {
    }

    public static boolean exists(SweepDirectory dir) throws IOException {
        return dir.exists(dir.resolve(DIR));
    }

    /**
     * The table from trials.parquet when it holds what the journal holds: no run is going on (no
     * lock) and the journal has not changed since the file was written. Empty otherwise, and for a
     * file without the column lists (written by an older SparkTune) or without rows.
     */
    static Optional<TrialTable> readIfCurrent(SparkSession spark, SweepDirectory dir) throws IOException {
        Path table = dir.resolve(DIR);
        FileStatus success;
        try {
            success = dir.fs().getFileStatus(new Path(table, "_SUCCESS"));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
        if (dir.exists(dir.resolve(SweepLock.FILE)) || Journal.lastModified(dir) > success.getModificationTime()) {
            return Optional.empty();
        }
        Map<String, String> meta;
        long rows;
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(table, PART), dir.conf()))) {
            meta = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            rows = reader.getRecordCount();
        }
        if (rows == 0 || !meta.containsKey(PARAMS_KEY) || !meta.containsKey(METRICS_KEY)) {
            return Optional.empty();
        }
        return Optional.of(new TrialTable(spark.read().parquet(table.toString()).orderBy("trial_id"),
                names(meta.get(PARAMS_KEY)), names(meta.get(METRICS_KEY))));
    }

    public static void write(SweepDirectory dir) throws IOException {
        // Sorted, as Spark orders the fields it infers from the journal: both sources give one column order.
        Map<String, Kind> params = new TreeMap<>();
        Set<String> metrics = new TreeSet<>();
        JournalTrials.read(dir, r -> {
            r.config().values().forEach((name, value) -> params.merge(name, kindOf(value), TrialParquet::widen));
            metrics.addAll(r.metrics().keySet());
        });
        MessageType schema = schema(params, metrics);
        Path temp = dir.resolve("." + DIR + ".tmp-" + UUID.randomUUID());
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        List<String> paramColumns = params.keySet().stream().map(TrialColumns::param).toList();
        List<String> metricColumns = metrics.stream().map(m -> metricColumn(m, params)).toList();
        try (ParquetWriter<Group> writer = ExampleParquetWriter
                .builder(HadoopOutputFile.fromPath(new Path(temp, PART), dir.conf()))
                .withExtraMetaData(Map.of(PARAMS_KEY, Json.MAPPER.writeValueAsString(paramColumns),
                        METRICS_KEY, Json.MAPPER.writeValueAsString(metricColumns)))
                .withType(schema).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            JournalTrials.read(dir, r -> {
                try {
                    writer.write(row(rows.newGroup(), r, params, metrics));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        dir.fs().create(new Path(temp, "_SUCCESS"), false).close();
        Path target = dir.resolve(DIR);
        dir.fs().delete(target, true);
        dir.fileContext().rename(temp, target);
    }

    private static MessageType schema(Map<String, Kind> params, Set<String> metrics) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(PrimitiveTypeName.INT32).named("trial_id");
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("status");
        params.forEach((name, kind) -> {
            String column = TrialColumns.param(name);
            switch (kind) {
                case LONG -> b.optional(PrimitiveTypeName.INT64).named(column);
                case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(column);
                case BOOLEAN -> b.optional(PrimitiveTypeName.BOOLEAN).named(column);
                case STRING -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column);
            }
        });
        for (String metric : metrics) {
            b.optional(PrimitiveTypeName.DOUBLE).named(metricColumn(metric, params));
        }
        b.required(PrimitiveTypeName.INT64).named("steps");
        b.required(PrimitiveTypeName.DOUBLE).named("duration_s");
        b.required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named("started");
        b.required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named("finished");
        b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("host");
        b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("error");
        b.required(PrimitiveTypeName.INT32).named("attempt");
        b.required(PrimitiveTypeName.INT64).named("seed");
        return b.named("trial");
    }

    private static Group row(Group g, TrialResult r, Map<String, Kind> params, Set<String> metrics) {
        g.add("trial_id", r.id());
        g.add("status", r.status().name());
        params.forEach((name, kind) -> {
            if (r.config().has(name)) {
                Object v = r.config().get(name);
                String column = TrialColumns.param(name);
                switch (kind) {
                    case LONG -> g.add(column, ((Number) v).longValue());
                    case DOUBLE -> g.add(column, ((Number) v).doubleValue());
                    case BOOLEAN -> g.add(column, (Boolean) v);
                    case STRING -> g.add(column, String.valueOf(v));
                }
            }
        });
        for (String metric : metrics) {
            Double v = r.metrics().get(metric);
            if (v != null) {
                g.add(metricColumn(metric, params), v);
            }
        }
        g.add("steps", r.steps());
        g.add("duration_s", r.durationSeconds());
        g.add("started", r.startMillis());
        g.add("finished", r.endMillis());
        if (r.host() != null) {
            g.add("host", r.host());
        }
        if (r.error() != null) {
            g.add("error", r.error());
        }
        g.add("attempt", r.attempt());
        g.add("seed", r.seed());
        return g;
    }

    private static String metricColumn(String metric, Map<String, Kind> params) {
        return TrialColumns.metric(metric, params.keySet().stream().map(TrialColumns::param).collect(Collectors.toSet()));
    }

    private static List<String> names(String json) throws IOException {
        return List.of(Json.MAPPER.readValue(json, String[].class));
    }

    private static Kind kindOf(Object value) {
        if (value instanceof Long) {
            return Kind.LONG;
        }
        if (value instanceof Number) {
            return Kind.DOUBLE;
        }
        return value instanceof Boolean ? Kind.BOOLEAN : Kind.STRING;
    }

    /** A column holding whole and real numbers is real; any other mix is text. */
    private static Kind widen(Kind a, Kind b) {
        if (a == b) {
            return a;
        }
        List<Kind> numbers = List.of(Kind.LONG, Kind.DOUBLE);
        return numbers.contains(a) && numbers.contains(b) ? Kind.DOUBLE : Kind.STRING;
    }
}
