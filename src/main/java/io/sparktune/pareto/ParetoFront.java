package io.sparktune.pareto;

import io.sparktune.core.Goals;
import io.sparktune.core.TrialResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The feasible non-dominated trials of a sweep so far, kept up to date one result at a time on the
 * driver, so that {@code best/pareto.json} is rewritten only when the front changes. Two trials with
 * the same losses both stay: neither dominates the other.
 */
public final class ParetoFront {
    private final Goals goals;
    private final List<TrialResult> members = new ArrayList<>();
    private final List<double[]> losses = new ArrayList<>();

    public ParetoFront(Goals goals) {
        this.goals = goals;
    }

    /** Adds a result if it joins the front, dropping those it dominates; true when the front changed. */
    public boolean offer(TrialResult result) {
        Optional<double[]> candidate = goals.losses(result);
        if (candidate.isEmpty() || !goals.feasibility(result).feasible()) {
            return false;
        }
        double[] l = candidate.get();
        for (double[] member : losses) {
            if (Dominance.dominates(member, l)) {
                return false;
            }
        }
        for (int i = members.size() - 1; i >= 0; i--) {
            if (Dominance.dominates(l, losses.get(i))) {
                members.remove(i);
                losses.remove(i);
            }
        }
        members.add(result);
        losses.add(l);
        return true;
    }

    /** The front in trial id order. */
    public List<TrialResult> members() {
        List<TrialResult> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingInt(TrialResult::id));
        return sorted;
    }
}
