package io.sparktune.report;

import java.util.Set;

/** Column names of the trial table, shared by every writer and reader of it. */
final class TrialColumns {
    static final String METRIC_PREFIX = "metric_";

    private TrialColumns() {
    }

    /** A metric keeps its name unless a parameter has it already. */
    static String metric(String name, Set<String> params) {
        return params.contains(name) ? METRIC_PREFIX + name : name;
    }
}
