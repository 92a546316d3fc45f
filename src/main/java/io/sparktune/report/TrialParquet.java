package io.sparktune.report;

import io.sparktune.core.TrialResult;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.fs.Path;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes {@code trials.parquet} straight from the journal with Parquet's own writer: no Spark job,
 * so it costs milliseconds at the end of every run, and a run that started no Spark writes it too.
 * Two passes over the journal: one for the columns and their types, one for the rows.
 */
public final class TrialParquet {
    static final String DIR = "trials.parquet";

    private enum Kind { LONG, DOUBLE, BOOLEAN, STRING }

    private TrialParquet() {
    }

    public static boolean exists(SweepDirectory dir) throws IOException {
        return dir.exists(dir.resolve(DIR));
    }

    public static void write(SweepDirectory dir) throws IOException {
        Map<String, Kind> params = new LinkedHashMap<>();
        Set<String> metrics = new LinkedHashSet<>();
        forEachResult(dir, r -> {
            r.config().values().forEach((name, value) -> params.merge(name, kindOf(value), TrialParquet::widen));
            metrics.addAll(r.metrics().keySet());
        });
        MessageType schema = schema(params, metrics);
        Path temp = dir.resolve("." + DIR + ".tmp-" + UUID.randomUUID());
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter
                .builder(HadoopOutputFile.fromPath(new Path(temp, "part-00000.snappy.parquet"), dir.conf()))
                .withType(schema).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            forEachResult(dir, r -> {
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

    private static void forEachResult(SweepDirectory dir, java.util.function.Consumer<TrialResult> sink) throws IOException {
        BitSet seen = new BitSet();
        Journal.replay(dir, record -> {
            if (record instanceof JournalRecord.Finished f && !seen.get(f.trialId())) {
                seen.set(f.trialId());
                sink.accept(f.result());
            }
        });
    }

    private static MessageType schema(Map<String, Kind> params, Set<String> metrics) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(PrimitiveTypeName.INT32).named("trial_id");
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("status");
        params.forEach((name, kind) -> {
            switch (kind) {
                case LONG -> b.optional(PrimitiveTypeName.INT64).named(name);
                case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(name);
                case BOOLEAN -> b.optional(PrimitiveTypeName.BOOLEAN).named(name);
                case STRING -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            }
        });
        for (String metric : metrics) {
            b.optional(PrimitiveTypeName.DOUBLE).named(TrialColumns.metric(metric, params.keySet()));
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
                switch (kind) {
                    case LONG -> g.add(name, ((Number) v).longValue());
                    case DOUBLE -> g.add(name, ((Number) v).doubleValue());
                    case BOOLEAN -> g.add(name, (Boolean) v);
                    case STRING -> g.add(name, String.valueOf(v));
                }
            }
        });
        for (String metric : metrics) {
            Double v = r.metrics().get(metric);
            if (v != null) {
                g.add(TrialColumns.metric(metric, params.keySet()), v);
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
