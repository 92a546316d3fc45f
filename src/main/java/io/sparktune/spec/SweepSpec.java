package io.sparktune.spec;

import io.sparktune.core.Goals;
import io.sparktune.core.Objective;
import io.sparktune.core.Resources;
import io.sparktune.schedule.SchedulerSpec;
import io.sparktune.search.SearcherSpec;
import io.sparktune.space.Space;
import io.sparktune.train.TrainableSpec;

import java.util.OptionalLong;

/**
 * Everything that defines a sweep, parsed and validated. The trainable, searcher and scheduler are
 * their types' checked options, from which the driver and the executors make them as they are.
 *
 * @param identity the canonical JSON of the parts that make two sweeps the same (all but the
 *                 budget), kept in sweep.json so that a re-run can tell a resume from a different spec
 * @param seed     the master seed, empty when the user gave none and the sweep picks one
 */
public record SweepSpec(
        String name,
        Goals goals,
        Space space,
        TrainableSpec trainable,
        SearcherSpec searcher,
        SchedulerSpec scheduler,
        Budget budget,
        Resources resources,
        OptionalLong seed,
        String identity) {

    /** The first objective, the one a one-objective searcher or scheduler optimises. */
    public Objective objective() {
        return goals.primary();
    }
}
