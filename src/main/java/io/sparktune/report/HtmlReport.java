package io.sparktune.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.core.Objective;
import io.sparktune.search.Searchers;
import io.sparktune.space.SpaceParser;
import io.sparktune.store.Json;
import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/**
 * The sweep as one self-contained HTML file: plots as inline SVG, tables, and the spec. Nothing is
 * fetched from a network, every value from the sweep is escaped, and the page's Content Security
 * Policy lets only its own script run (by hash), so a parameter value like {@code <script>} is text.
 */
public final class HtmlReport {
    /** Sorts a table by the clicked column: the page's only script. */
    private static final String SCRIPT = """
            document.querySelectorAll('table.sortable th').forEach(function (th) {
              th.addEventListener('click', function () {
                var body = th.closest('table').tBodies[0], i = th.cellIndex;
                var asc = th.getAttribute('data-order') !== 'asc';
                th.setAttribute('data-order', asc ? 'asc' : 'desc');
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = a.cells[i].textContent, y = b.cells[i].textContent, nx = parseFloat(x), ny = parseFloat(y);
                  var c = isNaN(nx) || isNaN(ny) ? x.localeCompare(y) : nx - ny;
                  return asc ? c : -c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
            """;
    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd}
            nav a{margin-right:12px}.plots{display:flex;flex-wrap:wrap;gap:12px}
            svg.plot{background:#fff;border:1px solid #e4e4e4;font-size:11px}
            svg .title{font-size:13px;font-weight:600}svg .axis line{stroke:#888}svg .axis text{fill:#444}
            svg .trials circle{fill:#4c78a8;fill-opacity:.55}svg .front circle{fill:#f58518}svg .infeasible circle{fill:none;stroke:#d62728;stroke-width:1.5}svg .line{fill:none;stroke-width:2}
            svg .lines polyline{fill:none;stroke-width:1.2;stroke-opacity:.7}svg .bar{fill:#4c78a8}
            table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4;cursor:pointer}td.error{font-family:monospace;white-space:pre-wrap;max-width:640px}
            pre{background:#f6f6f6;padding:8px;overflow:auto}dt{font-weight:600;float:left;clear:left;width:150px}dd{margin:0 0 4px 160px}
            .note{color:#666}
            """;

    private HtmlReport() {
    }

    /** Reads the sweep in {@code dir} with Spark and writes its report to {@code html}, whole or not at all. */
    public static void write(SparkSession spark, SweepDirectory dir, String html) throws IOException {
        ReportData data = ReportData.read(spark, dir);
        String page = render(data, ParetoPlots.read(dir, data.sweep().goals()));
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path target = new Path(html);
        target = target.getFileSystem(conf).makeQualified(target);
        // The report's folder opened like a sweep directory, for its write-aside-then-rename.
        SweepDirectory.at(target.getParent().toString(), conf).writeAtomically(target, page);
    }

    static String render(ReportData data) {
        return render(data, Optional.empty());
    }

    /** With {@code pareto}, for a sweep with several objectives or constraints, a Pareto section first. */
    static String render(ReportData data, Optional<ParetoPlots> pareto) {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '")
                .append(sha256(SCRIPT)).append("'\"><title>SparkTune: ").append(Html.escape(data.sweep().name()))
                .append("</title><style>").append(STYLE).append("</style></head><body>");
        page.append("<h1>Sweep ").append(Html.escape(data.sweep().name())).append("</h1><p>").append(summary(data)).append("</p>");
        page.append("<nav>").append(pareto.isPresent() ? "<a href=\"#pareto\">Pareto front</a>" : "").append("<a href=\"#history\">History</a><a href=\"#parallel\">Parallel coordinates</a><a href=\"#params\">Parameters</a>")
                .append("<a href=\"#curves\">Learning curves</a><a href=\"#importance\">Importance</a><a href=\"#best\">Best trials</a>")
                .append("<a href=\"#failures\">Failures</a><a href=\"#spec\">Spec and run</a></nav>");
        pareto.ifPresent(p -> section(page, "pareto", "Pareto front", p.html()));
        if (data.sample().isEmpty()) {
            page.append("<p class=\"note\">No trial has a value of ").append(Html.escape(data.objective().metric()))
                    .append(" yet, so there is nothing to plot.</p>");
        } else {
            Plots plots = new Plots(data);
            section(page, "history", "Optimisation history", plots.sampleNote() + plots.history());
            section(page, "parallel", "Parallel coordinates", "<p class=\"note\">One line per trial; the brightest lines are the best.</p>"
                    + plots.parallel());
            section(page, "params", "Parameters against " + data.objective().metric(), plots.scatters());
            section(page, "curves", "Learning curves", plots.curves());
            section(page, "importance", "Parameter importance", plots.importance());
            section(page, "best", "Best trials", bestTable(data));
        }
        section(page, "failures", "Failures", failures(data));
        section(page, "spec", "Spec and run", facts(data));
        return page.append("<script>").append(SCRIPT).append("</script></body></html>").toString();
    }

    private static void section(StringBuilder page, String id, String title, String body) {
        page.append("<section id=\"").append(id).append("\"><h2>").append(Html.escape(title)).append("</h2>").append(body).append("</section>");
    }

    private static String summary(ReportData data) {
        Objective o = data.objective();
        StringBuilder s = new StringBuilder("metric ").append(Html.escape(o.metric())).append(" (").append(o.mode().label()).append(")");
        long total = data.statusCounts().values().stream().mapToLong(Long::longValue).sum();
        s.append(" · ").append(total).append(" trials");
        List<String> parts = new ArrayList<>();
        data.statusCounts().forEach((status, n) -> parts.add(n + " " + status.toLowerCase(Locale.ROOT)));
        if (!parts.isEmpty()) {
            s.append(": ").append(Html.escape(String.join(", ", parts)));
        }
        if (!data.top().isEmpty()) {
            ReportData.TrialRow best = data.top().get(0);
            s.append(" · best ").append(Html.escape(o.metric())).append('=').append(Html.escape(best.value()))
                    .append(" (trial ").append(best.id()).append(')');
        }
        return s.toString();
    }

    private static String bestTable(ReportData data) {
        List<String> header = new ArrayList<>(List.of("trial", data.objective().metric(), "status"));
        header.addAll(data.params());
        header.addAll(List.of("steps", "duration_s", "host"));
        List<List<Object>> rows = new ArrayList<>();
        for (ReportData.TrialRow r : data.top()) {
            List<Object> cells = new ArrayList<>(List.of(r.id(), r.value(), r.status().toLowerCase(Locale.ROOT)));
            cells.addAll(r.params().values());
            cells.addAll(List.of(r.steps(), r.durationSeconds(), r.host()));
            rows.add(cells);
        }
        return table(header, rows, -1);
    }

    private static String failures(ReportData data) {
        if (data.failed() == 0) {
            return "<p>No trial failed.</p>";
        }
        List<String> header = new ArrayList<>(List.of("trial"));
        header.addAll(data.params());
        header.add("error");
        List<List<Object>> rows = new ArrayList<>();
        for (ReportData.TrialRow r : data.failures()) {
            List<Object> cells = new ArrayList<>(List.of(r.id()));
            cells.addAll(r.params().values());
            cells.add(r.error());
            rows.add(cells);
        }
        String note = data.failed() > data.failures().size()
                ? "<p class=\"note\">The first " + data.failures().size() + " of " + data.failed() + " failures.</p>" : "";
        return note + table(header, rows, header.size() - 1);
    }

    private static String table(List<String> header, List<List<Object>> rows, int errorColumn) {
        StringBuilder t = new StringBuilder("<table class=\"sortable\"><thead><tr>");
        header.forEach(h -> t.append("<th>").append(Html.escape(h)).append("</th>"));
        t.append("</tr></thead><tbody>");
        for (List<Object> row : rows) {
            t.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                t.append(i == errorColumn ? "<td class=\"error\">" : "<td>").append(Html.escape(row.get(i))).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    private static String facts(ReportData data) {
        JsonNode spec = data.spec();
        ReportData.RunFacts f = data.facts();
        StringBuilder dl = new StringBuilder("<dl>");
        fact(dl, "directory", data.dir());
        fact(dl, "trainable", spec.path("trainable").toString());
        fact(dl, "searcher", spec.has("searcher") ? spec.get("searcher").toString()
                : Searchers.defaultFor(SpaceParser.parse(spec.get("params"), "params")) + " (the default for this space)");
        fact(dl, "scheduler", spec.path("scheduler").isMissingNode() ? "fifo" : spec.path("scheduler").toString());
        fact(dl, "resources", spec.path("resources").isMissingNode() ? "1 cpu per trial" : spec.path("resources").toString());
        fact(dl, "master seed", data.sweep().masterSeed());
        if (f.first() != null) {
            fact(dl, "first trial started", f.first().toInstant());
            fact(dl, "last trial finished", f.last().toInstant());
            fact(dl, "elapsed", duration(f.elapsedSeconds()) + " (trials ran " + duration(f.trialSeconds()) + " in all)");
            fact(dl, "cluster", f.hostCount() + (f.hostCount() == 1 ? " host: " : " hosts: ") + String.join(", ", f.hosts())
                    + (f.hostCount() > f.hosts().size() ? ", …" : ""));
        }
        fact(dl, "SparkTune", data.sweep().version());
        dl.append("</dl><p>The spec's identity, as sweep.json keeps it (the budget is given per run and not kept):</p><pre>");
        try {
            dl.append(Html.escape(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dl.append("</pre>").toString();
    }

    private static void fact(StringBuilder dl, String name, Object value) {
        dl.append("<dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value)).append("</dd>");
    }

    private static String duration(double seconds) {
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The report's plots, drawn from the sampled trials. */
    private static final class Plots {
        private final ReportData data;
        private final String metric;
        private final Scale values;

        Plots(ReportData data) {
            this.data = data;
            this.metric = data.objective().metric();
            List<Double> all = new ArrayList<>();
            data.sample().forEach(r -> all.add(r.value()));
            data.recordsById().forEach(r -> all.add(r.value()));
            this.values = metricScale(all);
        }

        /** A metric spanning orders of magnitude (a loss from 1e3 down to 1e-2) reads better on a log axis. */
        private static Scale metricScale(List<Double> all) {
            double min = all.stream().mapToDouble(Double::doubleValue).min().orElse(1);
            double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            return Scale.fit(all, min > 0 && max / min > 1e3);
        }

        String sampleNote() {
            if (data.sample().size() >= data.plottable()) {
                return "";
            }
            return "<p class=\"note\">Points: " + data.sample().size() + " of " + data.plottable() + " trials (the "
                    + ReportData.ALWAYS_BEST + " best and a random sample of the rest); the best-so-far line uses every trial.</p>";
        }

        private String tip(ReportData.TrialRow r) {
            StringBuilder tip = new StringBuilder("trial ").append(r.id()).append(": ").append(metric).append('=').append(Html.text(r.value()));
            r.params().forEach((k, v) -> tip.append(", ").append(k).append('=').append(Html.text(v)));
            return tip.toString();
        }

        String history() {
            double span = data.sample().stream().mapToDouble(ReportData.TrialRow::finishedMinutes).max().orElse(0);
            // A sweep of a few minutes reads in seconds.
            double unit = span < 3 ? 1 / 60.0 : 1;
            String timeLabel = (unit == 1 ? "minutes" : "seconds") + " since the first trial started";
            List<XyChart.Point> byId = new ArrayList<>();
            List<XyChart.Point> byTime = new ArrayList<>();
            List<Object> ids = new ArrayList<>();
            List<Object> times = new ArrayList<>();
            for (ReportData.TrialRow r : data.sample()) {
                byId.add(new XyChart.Point(r.id(), r.value(), tip(r)));
                byTime.add(new XyChart.Point(r.finishedMinutes() / unit, r.value(), tip(r)));
                ids.add(r.id());
                times.add(r.finishedMinutes() / unit);
            }
            List<XyChart.Point> recordsById = new ArrayList<>();
            for (ReportData.TrialRow r : data.recordsById()) {
                recordsById.add(new XyChart.Point(r.id(), r.value(), tip(r)));
                ids.add(r.id());
            }
            List<XyChart.Point> recordsByTime = new ArrayList<>();
            for (ReportData.TrialRow r : data.recordsByTime()) {
                recordsByTime.add(new XyChart.Point(r.finishedMinutes() / unit, r.value(), tip(r)));
                times.add(r.finishedMinutes() / unit);
            }
            double lastId = ids.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
            double lastTime = times.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
            String best = "best " + metric + " so far";
            return "<div class=\"plots\">"
                    + new XyChart(metric + " by trial", Scale.fit(ids, false), "trial", values, metric)
                    .points(byId, "trials").stepLine(recordsById, lastId, Palette.BEST, best).svg()
                    + new XyChart(metric + " over time", Scale.fit(times, false), timeLabel, values, metric)
                    .points(byTime, "trials").stepLine(recordsByTime, lastTime, Palette.BEST, best).svg()
                    + "</div>";
        }

        String parallel() {
            List<String> axes = new ArrayList<>(data.params());
            axes.add(metric);
            List<Scale> scales = new ArrayList<>();
            for (String p : data.params()) {
                scales.add(Scale.fit(data.sample().stream().map(r -> r.params().get(p)).toList(), data.logParams().contains(p)));
            }
            scales.add(values);
            boolean higherIsBetter = data.objective().mode() == Objective.Mode.MAX;
            List<ReportData.TrialRow> worstFirst = new ArrayList<>(data.sample());
            worstFirst.sort((a, b) -> higherIsBetter ? Double.compare(a.value(), b.value()) : Double.compare(b.value(), a.value()));
            List<ParallelCoordinates.Line> lines = new ArrayList<>();
            for (ReportData.TrialRow r : worstFirst) {
                List<Object> point = new ArrayList<>(r.params().values());
                point.add(r.value());
                double f = values.fraction(r.value());
                lines.add(new ParallelCoordinates.Line(point, higherIsBetter ? f : 1 - f, tip(r)));
            }
            return ParallelCoordinates.svg("parameters and " + metric + " of each trial", axes, scales, lines);
        }

        String scatters() {
            StringBuilder out = new StringBuilder("<div class=\"plots\">");
            for (String p : data.params()) {
                List<XyChart.Point> points = new ArrayList<>();
                List<Object> xs = new ArrayList<>();
                for (ReportData.TrialRow r : data.sample()) {
                    points.add(new XyChart.Point(r.params().get(p), r.value(), tip(r)));
                    xs.add(r.params().get(p));
                }
                boolean log = data.logParams().contains(p);
                out.append(new XyChart(metric + " against " + p, Scale.fit(xs, log), p + (log ? " (log scale)" : ""), values, metric)
                        .points(points, "trials").svg());
            }
            return out.append("</div>").toString();
        }

        String curves() {
            if (data.curves().isEmpty()) {
                return "<p class=\"note\">The best trials reported no steps.</p>";
            }
            List<Object> steps = new ArrayList<>();
            List<Double> reported = new ArrayList<>();
            data.curves().forEach(c -> {
                steps.addAll(c.steps());
                reported.addAll(c.values());
            });
            XyChart chart = new XyChart(metric + " at each step: best trials, and stopped ones dashed", Scale.fit(steps, false), "step",
                    metricScale(reported), metric);
            StringBuilder legend = new StringBuilder("<p>");
            for (int i = 0; i < data.curves().size(); i++) {
                ReportData.Curve c = data.curves().get(i);
                List<XyChart.Point> points = new ArrayList<>();
                for (int s = 0; s < c.steps().size(); s++) {
                    points.add(new XyChart.Point(c.steps().get(s), c.values().get(s), "trial " + c.trialId()));
                }
                String status = c.status().toLowerCase(Locale.ROOT);
                chart.line(points, Palette.distinct(i), status.equals("stopped"), "trial " + c.trialId() + " (" + status + ")");
                legend.append("<span style=\"color:").append(Palette.distinct(i)).append("\">■</span> trial ").append(c.trialId())
                        .append(" (").append(Html.escape(status)).append(") ");
            }
            return chart.svg() + legend.append("</p>");
        }

        String importance() {
            if (data.importance().isEmpty()) {
                return "<p class=\"note\">Too few trials to fit (" + ParameterImportance.MIN_TRIALS + " needed), or no parameter"
                        + " that varies as a number or a category.</p>";
            }
            List<BarChart.Bar> bars = data.importance().stream().map(s -> new BarChart.Bar(s.param(), s.importance())).toList();
            return "<p class=\"note\">Feature importances of a random forest (Spark MLlib) fitted to predict " + Html.escape(metric)
                    + " from the parameters.</p>" + BarChart.svg("importance for " + metric, bars);
        }
    }
}
