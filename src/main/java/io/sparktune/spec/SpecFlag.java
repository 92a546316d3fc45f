package io.sparktune.spec;

import java.util.List;

/**
 * The flags that replace one value of a space file, each with where in the spec its value goes:
 * the one table that {@code tune run} and {@code api.Sweep} both set through {@link Overrides}. A
 * bad value is reported against the flag, whichever of the two gave it.
 */
public enum SpecFlag {
    SEARCHER("--searcher", "searcher", "type"),
    SEED("--seed", "searcher", "seed"),
    SCHEDULER("--scheduler", "scheduler", "type"),
    MAX_TRIALS("--max-trials", "budget", "maxTrials"),
    PARALLELISM("--parallelism", "budget", "parallelism"),
    TRIALS_PER_TASK("--trials-per-task", "budget", "trialsPerTask"),
    TIME_BUDGET("--time-budget", "budget", "timeBudget"),
    TRIAL_TIMEOUT("--trial-timeout", "budget", "trialTimeout"),
    METRIC("--metric", "metric"),
    MODE("--mode", "mode"),
    DATA_DIR("--data-dir", "trainable", "data", "dir"),
    CPUS("--cpus", "resources", "cpus"),
    GPUS("--gpus", "resources", "gpus");

    private final String flag;
    private final List<String> path;

    SpecFlag(String flag, String... path) {
        this.flag = flag;
        this.path = List.of(path);
    }

    /** The flag as typed on the command line, e.g. {@code --max-trials}. */
    public String flag() {
        return flag;
    }

    /** Where in the spec the value goes, e.g. {@code ["budget", "maxTrials"]}. */
    public List<String> path() {
        return path;
    }
}
