package io.sparktune.report;

import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Trials sorted by a metric, best first, as a text table or CSV: what {@code tune compare} prints. */
public final class ResultsTable {
    private final Objective objective;
    private final List<TrialResult> rows;
    private final List<String> params;
    private final List<String> metrics;

    public ResultsTable(Objective objective, List<TrialResult> results, Set<TrialStatus> statuses, int top) {
        this.objective = objective;
        Comparator<TrialResult> byMetric = Comparator.comparingDouble(r -> {
            Double v = r.metrics().get(objective.metric());
            return v == null || v.isNaN() ? Double.POSITIVE_INFINITY : objective.loss(v);
        });
        this.rows = results.stream().filter(r -> statuses.contains(r.status()))
                .sorted(byMetric.thenComparingInt(TrialResult::id)).limit(top).toList();
        Set<String> p = new LinkedHashSet<>();
        Set<String> m = new LinkedHashSet<>();
        m.add(objective.metric());
        for (TrialResult r : rows) {
            p.addAll(r.config().values().keySet());
            m.addAll(r.metrics().keySet());
        }
        this.params = List.copyOf(p);
        this.metrics = List.copyOf(m);
    }

    public List<TrialResult> rows() {
        return rows;
    }

    private List<String> header() {
        List<String> header = new ArrayList<>(List.of("trial", "status"));
        header.addAll(metrics);
        header.addAll(params);
        header.addAll(List.of("steps", "duration_s", "error"));
        return header;
    }

    private List<String> cells(TrialResult r) {
        List<String> cells = new ArrayList<>(List.of(String.valueOf(r.id()), r.status().name().toLowerCase(Locale.ROOT)));
        for (String m : metrics) {
            Double v = r.metrics().get(m);
            cells.add(v == null ? "" : format(v));
        }
        for (String p : params) {
            Object v = r.config().has(p) ? r.config().get(p) : null;
            cells.add(v == null ? "" : v instanceof Double d ? format(d) : String.valueOf(v));
        }
        cells.add(String.valueOf(r.steps()));
        cells.add(String.format(Locale.ROOT, "%.2f", r.durationSeconds()));
        cells.add(r.error() == null ? "" : r.error());
        return cells;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** A fixed-width table; long errors are cut so a row stays on one line. */
    public String text() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(header());
        for (TrialResult r : rows) {
            List<String> cells = cells(r);
            String error = cells.get(cells.size() - 1);
            cells.set(cells.size() - 1, error.length() > 60 ? error.substring(0, 57) + "..." : error);
            lines.add(cells);
        }
        int[] widths = new int[header().size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                row.append(String.format("%-" + widths[i] + "s", line.get(i))).append(i + 1 < line.size() ? "  " : "");
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    public void csv(Writer out) throws IOException {
        out.write(csvLine(header()));
        for (TrialResult r : rows) {
            out.write(csvLine(cells(r)));
        }
    }

    private static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            line.append(i == 0 ? "" : ",").append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return line.append('\n').toString();
    }

    public Objective objective() {
        return objective;
    }
}
