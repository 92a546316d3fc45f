package io.sparktune.pareto;

import io.sparktune.core.Feasibility;
import io.sparktune.core.Goals;
import io.sparktune.core.TrialResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Pareto rank, crowding distance and feasibility of each trial of a sweep, for the tables that
 * sort by them ({@code tune compare}, the DataFrame, the report). Trials without a value for every
 * objective (failed ones, or ones that did not report one) have no rank and sort last.
 */
public final class TrialRanks {
    /** @param rank 1 for the front; crowding is NSGA-II's distance within the trial's rank */
    public record TrialRank(int rank, double crowding) {
    }

    private final Goals goals;
    private final Map<Integer, TrialRank> ranks = new HashMap<>();
    private final Map<Integer, Integer> positions = new HashMap<>();

    private TrialRanks(Goals goals) {
        this.goals = goals;
    }

    public static TrialRanks of(Goals goals, Collection<TrialResult> results) {
        TrialRanks table = new TrialRanks(goals);
        List<Candidate> candidates = new ArrayList<>();
        for (TrialResult r : results) {
            goals.losses(r).ifPresent(l -> candidates.add(new Candidate(r.id(), l, goals.feasibility(r).violation())));
        }
        Ranking ranking = Ranking.of(candidates);
        List<Integer> order = ranking.order();
        for (int position = 0; position < order.size(); position++) {
            int i = order.get(position);
            int id = ranking.candidate(i).id();
            table.ranks.put(id, new TrialRank(ranking.rank(i), ranking.crowding(i)));
            table.positions.put(id, position);
        }
        return table;
    }

    public Optional<TrialRank> rank(int trialId) {
        return Optional.ofNullable(ranks.get(trialId));
    }

    public Feasibility feasibility(TrialResult result) {
        return goals.feasibility(result);
    }

    /** Best first: by rank (constrained domination puts infeasible trials after feasible ones), then crowding; unranked last by id. */
    public Comparator<TrialResult> bestFirst() {
        return Comparator.<TrialResult>comparingInt(r -> positions.getOrDefault(r.id(), Integer.MAX_VALUE)).thenComparingInt(TrialResult::id);
    }
}
