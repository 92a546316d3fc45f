package io.sparktune.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialStatus;
import io.sparktune.space.IntRange;
import io.sparktune.space.LogUniform;
import io.sparktune.space.Parameter;
import io.sparktune.space.SpaceParser;
import io.sparktune.store.Json;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import scala.collection.JavaConverters;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

/**
 * What the HTML report shows, read from a sweep directory with Spark and cut to sizes that do not
 * grow with the sweep: at most {@link #MAX_POINTS} plotted trials (the {@link #ALWAYS_BEST} best and
 * a random sample of the rest), the best-so-far records, a few learning curves and short tables.
 *
 * @param spec       the spec's identity as sweep.json keeps it: params, trainable, searcher, scheduler
 * @param logParams  parameters whose domain is log-scaled, plotted on a log axis
 * @param plottable  how many trials have a finite objective (the sample is drawn from these)
 * @param sample     the plotted trials
 * @param recordsById    the trials that improved on every earlier one, by trial number
 * @param recordsByTime  the same, by finish time
 * @param failed     how many trials failed; {@code failures} holds the first of them
 */
record ReportData(SweepFile sweep, JsonNode spec, String dir, Objective objective, List<String> params, Set<String> logParams,
                  Map<String, Long> statusCounts, long plottable, List<TrialRow> sample, List<TrialRow> recordsById,
                  List<TrialRow> recordsByTime, List<TrialRow> top, List<TrialRow> failures, long failed, List<Curve> curves,
                  List<ParameterImportance.Share> importance, RunFacts facts) {
    static final int MAX_POINTS = 1000;
    static final int ALWAYS_BEST = 100;
    static final int TOP = 10;
    static final int CURVES = 5;
    static final int MAX_FAILURES = 20;
    private static final int MAX_RECORDS = 2000;
    private static final int CURVE_POINTS = 300;

    /** One trial as the report shows it; {@code value} is null when the trial has no finite objective. */
    record TrialRow(int id, String status, Double value, Map<String, Object> params, double finishedMinutes,
                    double durationSeconds, long steps, String host, String error) {
    }

    /** The objective at each reported step of one trial, thinned to a few hundred points. */
    record Curve(int trialId, String status, List<Long> steps, List<Double> values) {
    }

    /**
     * @param first when the first trial started (null when none finished)
     * @param hosts some of the hosts that ran trials; {@code hostCount} says how many there were
     */
    record RunFacts(Timestamp first, Timestamp last, double trialSeconds, long hostCount, List<String> hosts) {
        double elapsedSeconds() {
            return first == null ? 0 : (last.getTime() - first.getTime()) / 1000.0;
        }
    }

    static ReportData read(SparkSession spark, SweepDirectory dir) throws IOException {
        SweepFile sweep = SweepFile.read(dir)
                .orElseThrow(() -> new InvalidInputException("--out", dir.uri(), "no sweep here (no sweep.json)"));
        JsonNode spec = Json.MAPPER.readTree(sweep.identity());
        Objective objective = sweep.objective();
        TrialTable table = TrialTable.read(spark, dir);
        Set<String> logParams = logParams(spec);
        if (table.isEmpty()) {
            return new ReportData(sweep, spec, dir.uri(), objective, List.of(), logParams, Map.of(), 0, List.of(), List.of(),
                    List.of(), List.of(), List.of(), 0, List.of(), List.of(), new RunFacts(null, null, 0, 0, List.of()));
        }
        Dataset<Row> rows = table.rows().cache();
        try {
            return read(dir, sweep, spec, objective, table, rows, logParams);
        } finally {
            rows.unpersist();
        }
    }

    private static ReportData read(SweepDirectory dir, SweepFile sweep, JsonNode spec, Objective objective, TrialTable table,
                                   Dataset<Row> rows, Set<String> logParams) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Row r : rows.groupBy("status").agg(count(lit(1))).orderBy("status").collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        Row span = rows.agg(min("started"), max("finished"), sum("duration_s"), countDistinct("host")).first();
        List<String> hosts = rows.select("host").distinct().orderBy("host").limit(8).collectAsList().stream()
                .map(r -> r.getString(0)).toList();
        RunFacts facts = new RunFacts(span.getTimestamp(0), span.getTimestamp(1), span.isNullAt(2) ? 0 : span.getDouble(2),
                span.getLong(3), hosts);
        RowReader reader = new RowReader(table.params(), facts.first().getTime());

        Dataset<Row> failedRows = rows.filter(col("status").equalTo(TrialStatus.FAILED.name()));
        List<TrialRow> failures = reader.all(failedRows.orderBy("trial_id").limit(MAX_FAILURES), null);
        long failed = counts.getOrDefault(TrialStatus.FAILED.name(), 0L);

        String metric = table.metricColumn(objective.metric());
        if (!table.metrics().contains(metric)) {
            return new ReportData(sweep, spec, dir.uri(), objective, table.params(), logParams, counts, 0, List.of(), List.of(),
                    List.of(), List.of(), failures, failed, List.of(), List.of(), facts);
        }
        Column value = col("`" + metric + "`");
        Column loss = objective.mode() == Objective.Mode.MIN ? value : value.multiply(-1);
        Dataset<Row> ok = rows.filter(col("status").notEqual(TrialStatus.FAILED.name()).and(value.isNotNull()).and(isnan(value).unary_$bang()))
                .withColumn("_loss", loss);
        long plottable = ok.count();
        List<TrialRow> top = reader.all(ok.orderBy(col("_loss"), col("trial_id")).limit(TOP), metric);
        List<TrialRow> sample = reader.all(sample(ok, plottable), metric);
        List<TrialRow> byId = reader.all(records(ok, col("trial_id")), metric);
        List<TrialRow> byTime = reader.all(records(ok, col("finished"), col("trial_id")), metric);

        List<Curve> curves = new ArrayList<>();
        for (TrialRow row : top.subList(0, Math.min(CURVES, top.size()))) {
            curve(dir, row, objective.metric()).ifPresent(curves::add);
        }
        Dataset<Row> stopped = ok.filter(col("status").equalTo(TrialStatus.STOPPED.name())).orderBy(col("_loss"), col("trial_id"));
        for (TrialRow row : reader.all(stopped.limit(CURVES), metric)) {
            if (top.stream().noneMatch(t -> t.id() == row.id())) {
                curve(dir, row, objective.metric()).ifPresent(curves::add);
            }
        }
        List<ParameterImportance.Share> importance = ParameterImportance.fit(ok, table.params(), "_loss");
        return new ReportData(sweep, spec, dir.uri(), objective, table.params(), logParams, counts, plottable, sample, byId, byTime,
                top, failures, failed, curves, importance, facts);
    }

    /** Every trial when they are few; else the best ones and a random sample of the rest, MAX_POINTS in all. */
    private static Dataset<Row> sample(Dataset<Row> ok, long plottable) {
        if (plottable <= MAX_POINTS) {
            return ok;
        }
        Dataset<Row> best = ok.orderBy(col("_loss"), col("trial_id")).limit(ALWAYS_BEST);
        Dataset<Row> rest = ok.join(best.select("trial_id"), JavaConverters.asScalaBuffer(List.of("trial_id")).toSeq(), "left_anti");
        // Bernoulli sampling gives about the fraction asked for: ask for a fifth more, then cut.
        double fraction = Math.min(1, 1.2 * (MAX_POINTS - ALWAYS_BEST) / (plottable - ALWAYS_BEST));
        return best.union(rest.sample(false, fraction, 7L).limit(MAX_POINTS - ALWAYS_BEST));
    }

    /**
     * The trials whose objective beats (or ties) every one before them in {@code order}: a handful
     * however many trials ran, so the best-so-far line is drawn through all of them.
     */
    private static Dataset<Row> records(Dataset<Row> ok, Column... order) {
        Column bestSoFar = min("_loss").over(Window.orderBy(order).rowsBetween(Window.unboundedPreceding(), Window.currentRow()));
        return ok.withColumn("_best", bestSoFar).filter(col("_loss").equalTo(col("_best"))).orderBy(order).limit(MAX_RECORDS);
    }

    private static Optional<Curve> curve(SweepDirectory dir, TrialRow row, String metric) throws IOException {
        List<ProgressLog.Step> steps = ProgressLog.read(dir, row.id()).stream()
                .filter(s -> s.metrics().get(metric) != null && Double.isFinite(s.metrics().get(metric))).toList();
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        int stride = (steps.size() + CURVE_POINTS - 1) / CURVE_POINTS;
        List<Long> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (i % stride == 0 || i == steps.size() - 1) {
                xs.add(steps.get(i).step());
                ys.add(steps.get(i).metrics().get(metric));
            }
        }
        return Optional.of(new Curve(row.id(), row.status(), xs, ys));
    }

    /** Top-level parameters whose domain spreads values over orders of magnitude. */
    private static Set<String> logParams(JsonNode spec) {
        Set<String> log = new HashSet<>();
        try {
            for (Parameter p : SpaceParser.parse(spec.get("params"), "params").params()) {
                if (p.domain() instanceof LogUniform || p.domain() instanceof IntRange r && r.log()
                        || geometric(p.domain().gridValues())) {
                    log.add(TrialColumns.param(p.name()));
                }
            }
        } catch (InvalidInputException e) {
            // A sweep written by another version of the space format still gets a report, on linear axes.
            return Set.of();
        }
        return log;
    }

    /** A grid like logspace[-4:-1:4] or 1e-5:l5:0.1: positive values with a constant ratio. */
    private static boolean geometric(List<Object> values) {
        if (values.size() < 3 || !values.stream().allMatch(v -> v instanceof Number n && n.doubleValue() > 0)) {
            return false;
        }
        double ratio = ((Number) values.get(1)).doubleValue() / ((Number) values.get(0)).doubleValue();
        for (int i = 2; i < values.size(); i++) {
            double r = ((Number) values.get(i)).doubleValue() / ((Number) values.get(i - 1)).doubleValue();
            if (Math.abs(r - ratio) > 1e-6 * ratio) {
                return false;
            }
        }
        return ratio > 1.5 || ratio < 1 / 1.5;
    }

    /** Turns collected Spark rows into {@link TrialRow}s. */
    private record RowReader(List<String> params, long firstStartMillis) {
        List<TrialRow> all(Dataset<Row> rows, String metric) {
            return rows.collectAsList().stream().map(r -> row(r, metric)).toList();
        }

        private TrialRow row(Row r, String metric) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String p : params) {
                values.put(p, r.getAs(p));
            }
            Double value = metric == null || r.isNullAt(r.fieldIndex(metric)) ? null : ((Number) r.getAs(metric)).doubleValue();
            Timestamp finished = r.getAs("finished");
            return new TrialRow(r.<Number>getAs("trial_id").intValue(), r.getAs("status"), value, values,
                    (finished.getTime() - firstStartMillis) / 60_000.0, r.<Number>getAs("duration_s").doubleValue(),
                    r.<Number>getAs("steps").longValue(), r.getAs("host"), r.getAs("error"));
        }
    }
}
