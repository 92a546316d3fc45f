package io.sparktune.report;

import io.sparktune.core.Constraint;
import io.sparktune.core.Goals;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import io.sparktune.pareto.Hypervolume;
import io.sparktune.pareto.ReferencePoint;
import io.sparktune.pareto.TrialRanks;
import io.sparktune.store.JournalTrials;
import io.sparktune.store.SweepDirectory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's section for a sweep with several objectives or constraints: a scatter of each pair of
 * objectives with the front drawn and infeasible trials marked, and the hypervolume of the feasible
 * trials as they finished, against a reference point that the section states. Read from the journal
 * on the driver: ranks need every trial at once.
 */
final class ParetoPlots {
    /** Hypervolume is recomputed at most this many times along the trials; 3-D costs O(n² log n) each. */
    private static final int HYPERVOLUME_POINTS = 100;
    /** The reference point lies this share of each objective's range beyond the worst feasible value. */
    private static final double MARGIN = 0.1;

    private final Goals goals;
    private final List<TrialResult> ranked;
    private final TrialRanks ranks;

    private ParetoPlots(Goals goals, List<TrialResult> ranked, TrialRanks ranks) {
        this.goals = goals;
        this.ranked = ranked;
        this.ranks = ranks;
    }

    /** Empty for a sweep with one objective and no constraints. */
    static Optional<ParetoPlots> read(SweepDirectory dir, Goals goals) throws IOException {
        if (goals.single()) {
            return Optional.empty();
        }
        List<TrialResult> results = new ArrayList<>();
        JournalTrials.read(dir, r -> {
            if (goals.losses(r).isPresent()) {
                results.add(r);
            }
        });
        results.sort(Comparator.comparingInt(TrialResult::id));
        return Optional.of(new ParetoPlots(goals, results, TrialRanks.of(goals, results)));
    }

    String html() {
        if (ranked.isEmpty()) {
            return "<p class=\"note\">No trial has a value of every objective yet.</p>";
        }
        long infeasible = ranked.stream().filter(r -> !ranks.feasibility(r).feasible()).count();
        StringBuilder html = new StringBuilder("<p class=\"note\">").append(Html.escape(goals.label()));
        if (!goals.constraints().isEmpty()) {
            html.append(" subject to ").append(Html.escape(String.join(", ", goals.constraints().stream().map(Constraint::label).toList())))
                    .append(": ").append(infeasible).append(" infeasible trials, drawn as hollow red circles");
        }
        html.append(". The front (rank 1, feasible) is orange.</p><div class=\"plots\">");
        List<Objective> objectives = goals.objectives();
        for (int i = 0; i < objectives.size(); i++) {
            for (int j = i + 1; j < objectives.size(); j++) {
                html.append(scatter(i, j));
            }
        }
        return html.append(hypervolume()).append("</div>").toString();
    }

    private boolean onFront(TrialResult r) {
        return ranks.feasibility(r).feasible() && ranks.rank(r.id()).map(k -> k.rank() == 1).orElse(false);
    }

    private String scatter(int i, int j) {
        String xName = goals.objectives().get(i).metric();
        String yName = goals.objectives().get(j).metric();
        List<XyChart.Point> feasible = new ArrayList<>();
        List<XyChart.Point> infeasible = new ArrayList<>();
        List<XyChart.Point> front = new ArrayList<>();
        List<Object> xs = new ArrayList<>();
        List<Object> ys = new ArrayList<>();
        for (TrialResult r : ranked) {
            double x = r.metrics().get(xName);
            double y = r.metrics().get(yName);
            xs.add(x);
            ys.add(y);
            String tip = "trial " + r.id() + ": " + xName + "=" + x + ", " + yName + "=" + y + (ranks.feasibility(r).feasible() ? ""
                    : " (infeasible: " + ranks.feasibility(r).reason() + ")");
            XyChart.Point p = new XyChart.Point(x, y, tip);
            (onFront(r) ? front : ranks.feasibility(r).feasible() ? feasible : infeasible).add(p);
        }
        XyChart chart = new XyChart(yName + " against " + xName, Scale.fit(xs, false), xName, Scale.fit(ys, false), yName)
                .points(feasible, "trials").points(infeasible, "infeasible").points(front, "front");
        if (goals.objectives().size() == 2) {
            List<XyChart.Point> line = new ArrayList<>(front);
            line.sort(Comparator.comparingDouble(p -> (Double) p.x()));
            chart.line(line, "#f58518", false, "Pareto front");
        }
        return chart.svg();
    }

    /** The hypervolume of the feasible trials among the first n, for n along the sweep, and the reference point it is measured from. */
    private String hypervolume() {
        List<double[]> feasible = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (TrialResult r : ranked) {
            if (ranks.feasibility(r).feasible()) {
                feasible.add(goals.losses(r).orElseThrow());
                ids.add(r.id());
            }
        }
        if (feasible.isEmpty()) {
            return "<p class=\"note\">No feasible trial yet, so no hypervolume.</p>";
        }
        int m = goals.objectives().size();
        double[] reference = ReferencePoint.beyondWorst(feasible, MARGIN);
        List<XyChart.Point> points = new ArrayList<>();
        List<Object> xs = new ArrayList<>();
        List<Object> ys = new ArrayList<>();
        int stride = Math.max(1, (feasible.size() + HYPERVOLUME_POINTS - 1) / HYPERVOLUME_POINTS);
        for (int n = 1; n <= feasible.size(); n++) {
            if (n % stride == 0 || n == feasible.size()) {
                double volume = Hypervolume.of(feasible.subList(0, n), reference);
                int id = ids.get(n - 1);
                points.add(new XyChart.Point(id, volume, "after trial " + id + ": " + String.format(Locale.ROOT, "%.6g", volume)));
                xs.add(id);
                ys.add(volume);
            }
        }
        StringBuilder label = new StringBuilder();
        for (int k = 0; k < m; k++) {
            Objective o = goals.objectives().get(k);
            label.append(k == 0 ? "" : ", ").append(o.metric()).append('=')
                    .append(String.format(Locale.ROOT, "%.4g", o.mode() == Objective.Mode.MIN ? reference[k] : -reference[k]));
        }
        String chart = new XyChart("Hypervolume of the feasible trials", Scale.fit(xs, false), "trial", Scale.fit(ys, false), "hypervolume")
                .stepLine(points, (Integer) xs.get(xs.size() - 1), "#4c78a8", "hypervolume").points(points, "trials").svg();
        return "<div>" + chart + "<p class=\"note\">Reference point: " + Html.escape(label.toString())
                + " (the worst feasible value of each objective, " + Math.round(MARGIN * 100) + "% of its range beyond).</p></div>";
    }
}
