package io.sparktune.report;

import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The best {@code top} trials by a metric, and the names of every parameter and metric seen, from one
 * pass over the results: what the driver keeps is bounded by {@code top}, not by the sweep's size.
 */
final class TopTrials implements Consumer<TrialResult> {
    private final Comparator<TrialResult> bestFirst;
    private final PriorityQueue<TrialResult> worstOnTop;
    private final Set<TrialStatus> statuses;
    private final int top;
    private final Set<String> params = new LinkedHashSet<>();
    private final Set<String> metrics = new LinkedHashSet<>();

    TopTrials(Objective objective, Set<TrialStatus> statuses, int top) {
        Comparator<TrialResult> byMetric = Comparator.comparingDouble(r -> {
            Double v = r.metrics().get(objective.metric());
            return v == null || v.isNaN() ? Double.POSITIVE_INFINITY : objective.loss(v);
        });
        this.bestFirst = byMetric.thenComparingInt(TrialResult::id);
        this.worstOnTop = new PriorityQueue<>(bestFirst.reversed());
        this.statuses = statuses;
        this.top = top;
        metrics.add(objective.metric());
    }

    @Override
    public void accept(TrialResult r) {
        params.addAll(r.config().values().keySet());
        metrics.addAll(r.metrics().keySet());
        if (statuses.contains(r.status())) {
            worstOnTop.add(r);
            if (worstOnTop.size() > top) {
                worstOnTop.poll();
            }
        }
    }

    List<TrialResult> best() {
        return worstOnTop.stream().sorted(bestFirst).toList();
    }

    Set<String> params() {
        return params;
    }

    Set<String> metrics() {
        return metrics;
    }
}
