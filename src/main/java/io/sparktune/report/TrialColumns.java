package io.sparktune.report;

import java.util.Set;

/** Column names of the trial table, shared by every writer and reader of it. */
final class TrialColumns {
    static final String METRIC_PREFIX = "metric_";
    static final String PARAM_PREFIX = "param_";
    /** Columns every trial table has, whatever the space: a parameter or metric never takes their names. */
    static final Set<String> FIXED = Set.of("trial_id", "status", "steps", "duration_s", "started", "finished", "host",
            "error", "attempt", "seed", ParetoColumns.RANK, ParetoColumns.FEASIBLE, ParetoColumns.REASON);

    private TrialColumns() {
    }

    /** A parameter keeps its name unless a fixed column has it, as {@code seed} or {@code steps} may. */
    static String param(String name) {
        return FIXED.contains(name) ? PARAM_PREFIX + name : name;
    }

    /** A metric keeps its name unless a parameter column or a fixed column has it already. */
    static String metric(String name, Set<String> paramColumns) {
        return paramColumns.contains(name) || FIXED.contains(name) ? METRIC_PREFIX + name : name;
    }
}
