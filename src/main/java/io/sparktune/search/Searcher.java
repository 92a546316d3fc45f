package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;

import java.util.List;
import java.util.OptionalLong;

/**
 * Chooses the configs of new trials. Driver side only.
 *
 * <p>Lifecycle: the driver makes one searcher per run, from the space, its options and the master
 * seed, and calls {@link #suggest} whenever slots are free. Trial {@code history.created()} gets the
 * first config returned, the next id the second, and so on. When {@link #learns()} is true the
 * driver adds every finished trial to the history first (failed ones never; stopped ones at the step
 * where they stopped) and lists the configs still running as pending.
 *
 * <p>A searcher is a pure function of (space, seed, history): it keeps no state between calls that
 * the history does not hold. A resumed sweep rebuilds the history from the journal and so gets the
 * same suggestions as a sweep that never stopped, and a retried trial keeps the config it was given.
 */
public interface Searcher {

    /**
     * Up to {@code count} configs for trials {@code history.created()}, {@code created()+1}, ...;
     * fewer (or none) when the searcher has nothing left to try.
     */
    List<Config> suggest(int count, History history);

    /** Whether suggestions depend on results. When false the driver keeps no observations at all. */
    default boolean learns() {
        return false;
    }

    /** How many distinct trials this searcher can suggest, or empty when it never runs out. */
    default OptionalLong size() {
        return OptionalLong.empty();
    }
}
