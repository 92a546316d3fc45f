package io.sparktune.api;

import io.sparktune.core.Objective;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecFlag;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A sweep being configured from Java or a notebook: a space file, JSON text or a command line, then
 * the overrides that {@code tune run}'s flags give, through the same table ({@link SpecFlag}), so a
 * bad value is reported against the flag of the same name. {@link #run()} blocks until the sweep
 * ends or its time is up.
 */
public final class Sweep {
    private final SparkSession spark;
    private final Overrides overrides = new Overrides();
    private String spaceFile;
    private String spaceJson = "{}";
    private String commandLine;
    private String name = "sweep";
    private String out;
    private String restartFrom;
    private boolean retryFailed;
    private Duration lockStale = RunOptions.DEFAULT_LOCK_STALE;

    Sweep(SparkSession spark) {
        this.spark = spark;
    }

    public Sweep space(String file) {
        this.spaceFile = file;
        this.commandLine = null;
        return this;
    }

    /** The space as JSON text, for notebooks that keep it inline. */
    public Sweep spaceJson(String json, String sweepName) {
        this.spaceJson = json;
        this.name = sweepName;
        this.spaceFile = null;
        this.commandLine = null;
        return this;
    }

    /** No space file: each trial runs this program ({@code tune run --command}), its parameters from {@link #param}. */
    public Sweep command(String line) {
        this.commandLine = line;
        this.spaceFile = null;
        return this;
    }

    public Sweep param(String name, String spec) {
        overrides.param(name, spec);
        return this;
    }

    public Sweep searcher(String type) {
        return set(SpecFlag.SEARCHER, type);
    }

    public Sweep seed(long seed) {
        return set(SpecFlag.SEED, seed);
    }

    public Sweep scheduler(String type) {
        return set(SpecFlag.SCHEDULER, type);
    }

    public Sweep maxTrials(int n) {
        return set(SpecFlag.MAX_TRIALS, n);
    }

    public Sweep parallelism(int n) {
        return set(SpecFlag.PARALLELISM, n);
    }

    public Sweep trialsPerTask(int n) {
        return set(SpecFlag.TRIALS_PER_TASK, n);
    }

    /** A duration as people write it: {@code 30m}, {@code 2h}, {@code 1h30m}. */
    public Sweep timeBudget(String duration) {
        return set(SpecFlag.TIME_BUDGET, duration);
    }

    public Sweep trialTimeout(String duration) {
        return set(SpecFlag.TRIAL_TIMEOUT, duration);
    }

    public Sweep metric(String metric) {
        return set(SpecFlag.METRIC, metric);
    }

    /** {@code min} or {@code max}. */
    public Sweep mode(String mode) {
        return set(SpecFlag.MODE, mode);
    }

    /** The metric and whether to minimise or maximise it, in one call. */
    public Sweep optimise(String metric, Objective.Mode mode) {
        overrides.optimise(metric, mode);
        return this;
    }

    /** Several objectives, each as {@code NAME:min} or {@code NAME:max} ({@code tune run --objective}). */
    public Sweep objectives(String... objectives) {
        overrides.objectives(List.of(objectives));
        return this;
    }

    /** Bounds a feasible trial keeps, each as {@code NAME<=V} or {@code NAME>=V} ({@code tune run --constraint}). */
    public Sweep constraints(String... constraints) {
        overrides.constraints(List.of(constraints));
        return this;
    }

    /** Where a network or xgboost trainable's relative data paths are. */
    public Sweep dataDir(String dir) {
        return set(SpecFlag.DATA_DIR, dir);
    }

    public Sweep cpus(int perTrial) {
        return set(SpecFlag.CPUS, perTrial);
    }

    /** GPUs per trial; 0.5 puts two trials on one GPU. */
    public Sweep gpus(double perTrial) {
        return set(SpecFlag.GPUS, perTrial);
    }

    public Sweep out(String dir) {
        this.out = dir;
        return this;
    }

    /** Seeds a new sweep's searcher with the results of the sweep in {@code dir} whose configs fit this space. */
    public Sweep restartFrom(String dir) {
        this.restartFrom = dir;
        return this;
    }

    /**
     * Runs the sweep's FAILED trials again first, as new attempts with the same ids and configs
     * ({@code tune run --retry-failed}); {@link #run} refuses it where {@link #out} holds no sweep or no
     * FAILED trial.
     */
    public Sweep retryFailed() {
        this.retryFailed = true;
        return this;
    }

    public Sweep lockStale(Duration staleAfter) {
        this.lockStale = staleAfter;
        return this;
    }

    private Sweep set(SpecFlag flag, Object value) {
        overrides.set(flag, value);
        return this;
    }

    public SweepSpec spec() {
        if (commandLine != null) {
            return SparkTune.commandSpec(commandLine, overrides);
        }
        return spaceFile == null ? SpecParser.parse(name, spaceJson, name, overrides) : SparkTune.spec(spaceFile, overrides);
    }

    public SweepOutcome run() throws IOException, InterruptedException {
        if (spark != null) {
            SparkSession.setActiveSession(spark);
        }
        return SparkTune.run(spec(), new RunOptions(out, null, lockStale, System.out, RunOptions.DEFAULT_PROGRESS_MILLIS, restartFrom,
                retryFailed));
    }
}
