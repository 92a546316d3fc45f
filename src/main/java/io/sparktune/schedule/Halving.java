package io.sparktune.schedule;

import io.sparktune.store.Rungs;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Successive halving's rule, shared by asha and hyperband: of n records at a rung, the best ⌊n/η⌋ go on, and at least one. */
final class Halving {
    private Halving() {
    }

    static Set<Integer> survivors(List<Rungs.Entry> recorded, int reductionFactor) {
        return recorded.stream().sorted(Rungs.Entry.BY_LOSS).limit(Math.max(1, recorded.size() / reductionFactor))
                .map(Rungs.Entry::trialId).collect(Collectors.toSet());
    }
}
