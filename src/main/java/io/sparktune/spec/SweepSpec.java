package io.sparktune.spec;

import io.sparktune.core.Objective;
import io.sparktune.core.PluginSpec;
import io.sparktune.core.Resources;
import io.sparktune.space.Space;

import java.util.OptionalLong;

/**
 * Everything that defines a sweep, parsed and validated.
 *
 * @param identity the canonical JSON of the parts that make two sweeps the same (all but the
 *                 budget), kept in sweep.json so that a re-run can tell a resume from a different spec
 * @param seed     the master seed, empty when the user gave none and the sweep picks one
 */
public record SweepSpec(
        String name,
        Objective objective,
        Space space,
        PluginSpec trainable,
        PluginSpec searcher,
        PluginSpec scheduler,
        Budget budget,
        Resources resources,
        OptionalLong seed,
        String identity) {
}
