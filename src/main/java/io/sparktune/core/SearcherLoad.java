package io.sparktune.core;

import java.util.Locale;

/**
 * The driver's time spent choosing trials against the trials' own time. A learning searcher is asked
 * for each trial as a slot frees, and the slot waits while it thinks, so a sweep of very short
 * trials runs at the speed of its searcher; these figures let a user see that.
 *
 * @param suggestMillis time in the searcher's {@code suggest}
 * @param trainMillis   the trials' time, summed over every slot
 * @param slots         trials at once
 */
public record SearcherLoad(double suggestMillis, double trainMillis, int slots) {

    /** The searcher kept slots waiting longer than each slot trained. */
    public boolean searcherBound() {
        return suggestMillis > trainMillis / Math.max(1, slots);
    }

    /** {@code suggest 12.3s, train 4.0s on 2 slots (searcher-bound)}. */
    public String describe() {
        return String.format(Locale.ROOT, "suggest %.1fs, train %.1fs on %d slot%s%s", suggestMillis / 1000, trainMillis / 1000,
                slots, slots == 1 ? "" : "s", searcherBound() ? " (searcher-bound)" : "");
    }
}
