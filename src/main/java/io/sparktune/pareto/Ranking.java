package io.sparktune.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * NSGA-II's order of a set of trials: the rank of each (1 for the non-dominated, 2 for those only
 * the first front dominates, and so on, under constrained domination) and its crowding distance
 * within its front, so that the order prefers the lower rank, then the lonelier trial.
 */
public final class Ranking {
    private final List<Candidate> candidates;
    private final int[] ranks;
    private final double[] crowding;

    private Ranking(List<Candidate> candidates, int[] ranks, double[] crowding) {
        this.candidates = candidates;
        this.ranks = ranks;
        this.crowding = crowding;
    }

    /** Deb's fast non-dominated sort, O(M N²), then the crowding distance of each front. */
    public static Ranking of(List<Candidate> candidates) {
        int n = candidates.size();
        int[] ranks = new int[n];
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (candidates.get(i).dominates(candidates.get(j))) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (candidates.get(j).dominates(candidates.get(i))) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        double[] crowding = new double[n];
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                front.add(i);
            }
        }
        for (int rank = 1; !front.isEmpty(); rank++) {
            List<Integer> next = new ArrayList<>();
            for (int i : front) {
                ranks[i] = rank;
                for (int j : dominates.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            crowd(candidates, front, crowding);
            front = next;
        }
        return new Ranking(List.copyOf(candidates), ranks, crowding);
    }

    /**
     * The crowding distance: per objective, the gap between a trial's neighbours in its front, over
     * the front's range; the extremes get infinity so that a front keeps its ends. Infeasible trials
     * are spread by their objectives too, when they have them.
     */
    private static void crowd(List<Candidate> candidates, List<Integer> front, double[] crowding) {
        if (front.isEmpty()) {
            return;
        }
        int objectives = candidates.get(front.get(0)).losses().length;
        for (int m = 0; m < objectives; m++) {
            int objective = m;
            Integer[] order = front.toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(i -> candidates.get(i).losses()[objective]));
            double low = candidates.get(order[0]).losses()[m];
            double high = candidates.get(order[order.length - 1]).losses()[m];
            crowding[order[0]] = Double.POSITIVE_INFINITY;
            crowding[order[order.length - 1]] = Double.POSITIVE_INFINITY;
            if (high == low) {
                continue;
            }
            for (int k = 1; k < order.length - 1; k++) {
                crowding[order[k]] += (candidates.get(order[k + 1]).losses()[m] - candidates.get(order[k - 1]).losses()[m]) / (high - low);
            }
        }
    }

    public int rank(int index) {
        return ranks[index];
    }

    public double crowding(int index) {
        return crowding[index];
    }

    public Candidate candidate(int index) {
        return candidates.get(index);
    }

    /** Indices from best to worst: lower rank first, then larger crowding distance, then the earlier trial. */
    public List<Integer> order() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> ranks[i])
                .thenComparing(i -> -crowding[i])
                .thenComparingInt(i -> candidates.get(i).id()));
        return order;
    }
}
