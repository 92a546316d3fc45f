package io.sparktune.report;

import io.sparktune.core.Goals;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.pareto.TrialRanks;
import io.sparktune.store.JournalTrials;
import io.sparktune.store.SweepDirectory;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Trials sorted by a metric (or by Pareto rank), best first, as a text table or CSV: what {@code tune compare} prints. */
public final class ResultsTable {
    /** The columns shown when none are chosen. */
    public static final List<String> DEFAULT_COLUMNS = List.of("status", "metrics", "params", "steps", "duration", "error");
    private static final int TEXT_CELL = 60;

    private final List<TrialResult> rows;
    private final List<Column> columns;

    private record Column(String header, Function<TrialResult, String> cell) {
    }

    /**
     * The best {@code top} trials of the sweep in {@code dir} with one of {@code statuses}, by the
     * objective's metric, read from the journal in one pass that keeps only those trials.
     *
     * @param columns groups ({@code status, metrics, params, steps, duration, host, error}) or single
     *                parameter and metric names, in the order to show them after the trial id
     * @throws InvalidInputException naming the column that is neither
     */
    public static ResultsTable read(SweepDirectory dir, Objective objective, Set<TrialStatus> statuses, int top, List<String> columns)
            throws IOException {
        TopTrials best = new TopTrials(objective, statuses, top);
        JournalTrials.read(dir, best::accept);
        return new ResultsTable(best.best(), List.of(), best.params(), best.metrics(), columns);
    }

    /**
     * The first {@code top} trials of a sweep with several objectives or constraints, by Pareto rank
     * (Deb's constrained domination), then crowding distance, with a {@code rank} and a
     * {@code feasible} column after the trial id. Ranks need every trial, so all are read.
     */
    public static ResultsTable ranked(SweepDirectory dir, Goals goals, Set<TrialStatus> statuses, int top, List<String> columns)
            throws IOException {
        List<TrialResult> all = new ArrayList<>();
        Set<String> params = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        goals.objectives().forEach(o -> metrics.add(o.metric()));
        JournalTrials.read(dir, r -> {
            params.addAll(r.config().values().keySet());
            metrics.addAll(r.metrics().keySet());
            if (statuses.contains(r.status())) {
                all.add(r);
            }
        });
        TrialRanks ranks = TrialRanks.of(goals, all);
        List<TrialResult> rows = all.stream().sorted(ranks.bestFirst()).limit(top).toList();
        List<Column> rankColumns = List.of(
                new Column("rank", r -> ranks.rank(r.id()).map(k -> String.valueOf(k.rank())).orElse("")),
                new Column("feasible", r -> ranks.feasibility(r).label()));
        return new ResultsTable(rows, rankColumns, params, metrics, columns);
    }

    private ResultsTable(List<TrialResult> rows, List<Column> leading, Set<String> params, Set<String> metrics, List<String> columns) {
        this.rows = rows;
        List<Column> chosen = new ArrayList<>(List.of(new Column("trial", r -> String.valueOf(r.id()))));
        chosen.addAll(leading);
        Set<String> leadingNames = new HashSet<>();
        leading.forEach(c -> leadingNames.add(c.header()));
        for (String name : columns) {
            // rank and feasible lead every ranked table; a user who names them, having seen them there, asks for nothing wrong.
            if (!leadingNames.contains(name.trim())) {
                chosen.addAll(columns(name.trim(), params, metrics));
            }
        }
        this.columns = List.copyOf(chosen);
    }

    private static List<Column> columns(String name, Set<String> params, Set<String> metrics) {
        return switch (name) {
            case "status" -> List.of(new Column("status", r -> r.status().name().toLowerCase(Locale.ROOT)));
            case "metrics" -> metrics.stream().map(ResultsTable::metric).toList();
            case "params" -> params.stream().map(ResultsTable::param).toList();
            case "steps" -> List.of(new Column("steps", r -> String.valueOf(r.steps())));
            case "duration" -> List.of(new Column("duration_s", r -> String.format(Locale.ROOT, "%.2f", r.durationSeconds())));
            case "host" -> List.of(new Column("host", r -> r.host() == null ? "" : r.host()));
            case "error" -> List.of(new Column("error", r -> r.error() == null ? "" : r.error()));
            default -> {
                if (params.contains(name)) {
                    yield List.of(param(name));
                }
                if (metrics.contains(name)) {
                    yield List.of(metric(name));
                }
                throw new InvalidInputException(null, name, "no such column; expected status, metrics, params, steps, duration, host,"
                        + " error, a parameter (" + String.join(", ", params) + ") or a metric (" + String.join(", ", metrics) + ")");
            }
        };
    }

    private static Column metric(String name) {
        return new Column(name, r -> {
            Double v = r.metrics().get(name);
            return v == null ? "" : format(v);
        });
    }

    private static Column param(String name) {
        return new Column(name, r -> {
            Object v = r.config().has(name) ? r.config().get(name) : null;
            return v == null ? "" : v instanceof Double d ? format(d) : String.valueOf(v);
        });
    }

    public List<TrialResult> rows() {
        return rows;
    }

    private List<String> header() {
        return columns.stream().map(Column::header).toList();
    }

    private List<String> cells(TrialResult r) {
        return columns.stream().map(c -> c.cell().apply(r)).toList();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** The first {@code limit} rows as a fixed-width table; long cells (errors) are cut so a row stays on one line. */
    public String text(int limit) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(header());
        for (TrialResult r : rows.subList(0, Math.min(limit, rows.size()))) {
            lines.add(cells(r).stream().map(c -> c.length() > TEXT_CELL ? c.substring(0, TEXT_CELL - 3) + "..." : c).toList());
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
}
