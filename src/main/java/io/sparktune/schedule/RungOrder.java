package io.sparktune.schedule;

import io.sparktune.pareto.Candidate;
import io.sparktune.pareto.Hypervolume;
import io.sparktune.pareto.Ranking;
import io.sparktune.pareto.ReferencePoint;
import io.sparktune.store.Rungs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a rung's records, best first, that asha, hyperband and pbt act on. One objective with
 * no broken constraint: by loss, then trial id. Otherwise MO-ASHA's (Schmucker et al., "Multi-objective
 * Asynchronous Successive Halving", 2021): non-dominated sorting under Deb's constrained domination,
 * then crowding distance within a front, then the hypervolume contribution within the front, then
 * trial id.
 *
 * <p>Crowding distance alone cannot choose between a front's ends, which all have an infinite one,
 * and a rung that promotes one record of a three-trial front must choose. The exclusive hypervolume
 * contribution does: an end contributes the box between it, its neighbour and the reference point,
 * so the end that stands further from the rest of the front goes first, not the lower trial id. The
 * reference point is the rung's own (its worst losses plus {@link #MARGIN} of their range, as BoTorch
 * infers one), since a rung has no other. {@code pareto.Ranking}'s own order, which nsga2 and
 * {@code tune compare} use, is left as it is.
 */
final class RungOrder {
    /** BoTorch's default share of the range between the reference point and the worst losses. */
    static final double MARGIN = 0.1;

    private RungOrder() {
    }

    /** The trial ids of {@code recorded}, best first. */
    static List<Integer> bestFirst(List<Rungs.Entry> recorded) {
        if (recorded.stream().allMatch(Rungs.Entry::single)) {
            return recorded.stream().sorted(Rungs.Entry.BY_LOSS).map(Rungs.Entry::trialId).toList();
        }
        List<Candidate> candidates = recorded.stream().map(e -> new Candidate(e.trialId(), e.losses(), e.violation())).toList();
        Ranking ranking = Ranking.of(candidates);
        double[] contribution = contributions(ranking, candidates);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(ranking::rank)
                .thenComparing(i -> -ranking.crowding(i))
                .thenComparing(i -> -contribution[i])
                .thenComparingInt(i -> candidates.get(i).id()));
        return order.stream().map(i -> candidates.get(i).id()).toList();
    }

    /**
     * Each candidate's exclusive hypervolume contribution to its own front, measured only in fronts
     * where two members share a crowding distance (the ends, at least, once a front has three): elsewhere
     * crowding decides alone, and a rung decision is made at every trial's arrival.
     */
    private static double[] contributions(Ranking ranking, List<Candidate> candidates) {
        double[] reference = ReferencePoint.beyondWorst(candidates.stream().map(Candidate::losses).toList(), MARGIN);
        double[] contribution = new double[candidates.size()];
        List<List<Integer>> fronts = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            while (fronts.size() < ranking.rank(i)) {
                fronts.add(new ArrayList<>());
            }
            fronts.get(ranking.rank(i) - 1).add(i);
        }
        for (List<Integer> front : fronts) {
            if (front.stream().map(ranking::crowding).distinct().count() == front.size()) {
                continue;
            }
            double[] own = Hypervolume.contributions(front.stream().map(i -> candidates.get(i).losses()).toList(), reference);
            for (int k = 0; k < front.size(); k++) {
                contribution[front.get(k)] = own[k];
            }
        }
        return contribution;
    }
}
