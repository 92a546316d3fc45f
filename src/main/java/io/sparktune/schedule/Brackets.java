package io.sparktune.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Hyperband's brackets (Li et al., "Hyperband"). With s_max the largest s where
 * gracePeriod·η^s ≤ maxSteps, bracket s (from s_max down to 0) starts ⌈(s_max+1)/(s+1)·η^s⌉ trials
 * at maxSteps·η^-s steps and keeps a 1/η of them at each rung up to maxSteps. One iteration runs
 * every bracket once; trial ids are laid out iteration by iteration, bracket by bracket, so a
 * trial's bracket follows from its id alone.
 */
final class Brackets {
    private final List<Integer> sizes = new ArrayList<>();
    private final List<List<Long>> rungs = new ArrayList<>();
    private final int iterationSize;

    Brackets(long maxSteps, long gracePeriod, int reductionFactor) {
        int sMax = 0;
        for (double r = gracePeriod * (double) reductionFactor; r <= maxSteps; r *= reductionFactor) {
            sMax++;
        }
        int total = 0;
        for (int s = sMax; s >= 0; s--) {
            int size = (int) Math.ceil((sMax + 1.0) / (s + 1) * Math.pow(reductionFactor, s));
            List<Long> steps = new ArrayList<>();
            for (int k = 0; k <= s; k++) {
                steps.add(Math.max(1, Math.round(maxSteps * Math.pow(reductionFactor, k - s))));
            }
            sizes.add(size);
            rungs.add(List.copyOf(steps));
            total += size;
        }
        this.iterationSize = total;
    }

    int iterationSize() {
        return iterationSize;
    }

    /** Which bracket of which iteration the trial belongs to, as one number. */
    int groupOf(int trialId) {
        return trialId / iterationSize * sizes.size() + bracketOf(trialId);
    }

    /** The steps at which the trial's bracket compares its trials, the last being maxSteps. */
    List<Long> rungsOf(int trialId) {
        return rungs.get(bracketOf(trialId));
    }

    private int bracketOf(int trialId) {
        int offset = trialId % iterationSize;
        int bracket = 0;
        while (offset >= sizes.get(bracket)) {
            offset -= sizes.get(bracket++);
        }
        return bracket;
    }
}
