package io.sparktune.schedule;

import io.sparktune.store.Rungs;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Successive halving's rule, shared by asha and hyperband: of n records at a rung, the best ⌊n/η⌋ go
 * on, and at least one, best as {@link RungOrder} ranks them (by Pareto rank with several objectives).
 */
final class Halving {
    private Halving() {
    }

    static Set<Integer> survivors(List<Rungs.Entry> recorded, int reductionFactor) {
        return RungOrder.bestFirst(recorded).stream().limit(Math.max(1, recorded.size() / reductionFactor)).collect(Collectors.toSet());
    }
}
