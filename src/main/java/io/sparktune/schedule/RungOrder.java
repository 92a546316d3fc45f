package io.sparktune.schedule;

import io.sparktune.pareto.Candidate;
import io.sparktune.pareto.Ranking;
import io.sparktune.store.Rungs;

import java.util.List;

/**
 * The order of a rung's records, best first, that asha, hyperband and pbt act on. One objective with
 * no broken constraint: by loss, then trial id. Otherwise MO-ASHA's (Schmucker et al., "Multi-objective
 * Asynchronous Successive Halving", 2021): non-dominated sorting under Deb's constrained domination,
 * then crowding distance within a front, then trial id.
 */
final class RungOrder {
    private RungOrder() {
    }

    /** The trial ids of {@code recorded}, best first. */
    static List<Integer> bestFirst(List<Rungs.Entry> recorded) {
        if (recorded.stream().allMatch(Rungs.Entry::single)) {
            return recorded.stream().sorted(Rungs.Entry.BY_LOSS).map(Rungs.Entry::trialId).toList();
        }
        Ranking ranking = Ranking.of(recorded.stream().map(e -> new Candidate(e.trialId(), e.losses(), e.violation())).toList());
        return ranking.order().stream().map(i -> ranking.candidate(i).id()).toList();
    }
}
