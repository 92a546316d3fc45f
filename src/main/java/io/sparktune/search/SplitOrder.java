package io.sparktune.search;

import io.sparktune.core.Observation;
import io.sparktune.pareto.Candidate;
import io.sparktune.pareto.Hypervolume;
import io.sparktune.pareto.Ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which tpe splits finished trials into its good and bad groups, as a key per trial
 * (lower is better), so that "the best gamma(n)" means the first gamma(n) keys whatever gamma(n) is.
 *
 * <p>With one objective and no constraints the key is the loss. Otherwise it follows Optuna 3.1's
 * TPESampler: feasible trials come first and infeasible ones after, by their violation (c-TPE as
 * Optuna's {@code constraints_func} does it); feasible trials with several objectives are ordered
 * by non-dominated rank, and within a rank by greedy hypervolume subset selection (MOTPE, Optuna's
 * {@code _solve_hssp}): the next is the trial that adds most to the hypervolume of those before it,
 * from a reference point 10% beyond the rank's worst losses. Greedy picks are nested, so the first k
 * of a rank are the greedy answer for a subset of size k. Only the first {@code maxGood} places can
 * fall into the good group; past them the order within a rank is the trials' own.
 */
final class SplitOrder {
    /** Optuna's EPS, which it puts where the reference point would be 0. */
    private static final double EPS = 1e-12;

    private SplitOrder() {
    }

    static double[] keys(List<Observation> observations, int maxGood) {
        double[] keys = new double[observations.size()];
        boolean plain = observations.stream().allMatch(o -> o.losses().length == 1 && o.margins().length == 0);
        if (plain) {
            for (int i = 0; i < keys.length; i++) {
                keys[i] = observations.get(i).loss();
            }
            return keys;
        }
        List<Integer> feasible = new ArrayList<>();
        List<Integer> infeasible = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            (observations.get(i).violation() == 0 ? feasible : infeasible).add(i);
        }
        List<Integer> order = byRankThenHypervolume(observations, feasible, maxGood);
        infeasible.sort(Comparator.comparingDouble(i -> observations.get(i).violation()));
        order.addAll(infeasible);
        for (int place = 0; place < order.size(); place++) {
            keys[order.get(place)] = place;
        }
        return keys;
    }

    private static List<Integer> byRankThenHypervolume(List<Observation> observations, List<Integer> feasible, int maxGood) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i : feasible) {
            candidates.add(new Candidate(i, observations.get(i).losses(), 0));
        }
        Ranking ranking = Ranking.of(candidates);
        List<List<Integer>> ranks = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            int rank = ranking.rank(k);
            while (ranks.size() < rank) {
                ranks.add(new ArrayList<>());
            }
            ranks.get(rank - 1).add(feasible.get(k));
        }
        List<Integer> order = new ArrayList<>();
        for (List<Integer> rank : ranks) {
            int picks = Math.max(0, Math.min(rank.size(), maxGood - order.size()));
            order.addAll(greedy(observations, rank, picks));
        }
        return order;
    }

    /** The rank's trials, the first {@code picks} by greedy hypervolume contribution, the rest as they came. */
    private static List<Integer> greedy(List<Observation> observations, List<Integer> rank, int picks) {
        List<Integer> left = new ArrayList<>(rank);
        List<Integer> chosen = new ArrayList<>();
        if (picks == 0) {
            return left;
        }
        double[] reference = reference(observations, rank);
        List<double[]> selected = new ArrayList<>();
        double volume = 0;
        while (chosen.size() < picks) {
            int best = 0;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < left.size(); k++) {
                selected.add(observations.get(left.get(k)).losses());
                double gain = Hypervolume.of(selected, reference) - volume;
                selected.remove(selected.size() - 1);
                if (gain > bestGain) {
                    best = k;
                    bestGain = gain;
                }
            }
            int pick = left.remove(best);
            chosen.add(pick);
            selected.add(observations.get(pick).losses());
            volume += bestGain;
        }
        chosen.addAll(left);
        return chosen;
    }

    /** Optuna's: max(1.1 w, 0.9 w) of the rank's worst loss w in each objective, EPS where that is 0. */
    private static double[] reference(List<Observation> observations, List<Integer> rank) {
        int count = observations.get(rank.get(0)).losses().length;
        double[] reference = new double[count];
        for (int m = 0; m < count; m++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (int i : rank) {
                worst = Math.max(worst, observations.get(i).losses()[m]);
            }
            reference[m] = Math.max(1.1 * worst, 0.9 * worst);
            if (reference[m] == 0) {
                reference[m] = EPS;
            }
        }
        return reference;
    }
}
