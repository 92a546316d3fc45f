package io.sparktune.api;

import io.sparktune.core.Objective;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecFlag;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.time.Duration;

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
        overrides.set(SpecFlag.SEARCHER, type);
        return this;
    }

    public Sweep seed(long seed) {
        overrides.set(SpecFlag.SEED, seed);
        return this;
    }

    public Sweep scheduler(String type) {
        overrides.set(SpecFlag.SCHEDULER, type);
        return this;
    }

    public Sweep maxTrials(int n) {
        overrides.set(SpecFlag.MAX_TRIALS, n);
        return this;
    }

    public Sweep parallelism(int n) {
        overrides.set(SpecFlag.PARALLELISM, n);
        return this;
    }

    public Sweep trialsPerTask(int n) {
        overrides.set(SpecFlag.TRIALS_PER_TASK, n);
        return this;
    }

    /** A duration as people write it: {@code 30m}, {@code 2h}, {@code 1h30m}. */
    public Sweep timeBudget(String duration) {
        overrides.set(SpecFlag.TIME_BUDGET, duration);
        return this;
    }

    public Sweep trialTimeout(String duration) {
        overrides.set(SpecFlag.TRIAL_TIMEOUT, duration);
        return this;
    }

    public Sweep metric(String metric) {
        overrides.set(SpecFlag.METRIC, metric);
        return this;
    }

    /** {@code min} or {@code max}. */
    public Sweep mode(String mode) {
        overrides.set(SpecFlag.MODE, mode);
        return this;
    }

    /** The metric and whether to minimise or maximise it, in one call. */
    public Sweep optimise(String metric, Objective.Mode mode) {
        overrides.optimise(metric, mode);
        return this;
    }

    /** Where a network trainable's relative data paths are. */
    public Sweep dataDir(String dir) {
        overrides.set(SpecFlag.DATA_DIR, dir);
        return this;
    }

    public Sweep cpus(int perTrial) {
        overrides.set(SpecFlag.CPUS, perTrial);
        return this;
    }

    /** GPUs per trial; 0.5 puts two trials on one GPU. */
    public Sweep gpus(double perTrial) {
        overrides.set(SpecFlag.GPUS, perTrial);
        return this;
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

    public Sweep lockStale(Duration staleAfter) {
        this.lockStale = staleAfter;
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
        return SparkTune.run(spec(), new RunOptions(out, null, lockStale, System.out, RunOptions.DEFAULT_PROGRESS_MILLIS, restartFrom));
    }
}
