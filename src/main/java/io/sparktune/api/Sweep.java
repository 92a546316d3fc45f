package io.sparktune.api;

import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.time.Duration;

/**
 * A sweep being configured from Java or a notebook: a space file or JSON text, then the same
 * overrides the CLI's flags give. {@link #run()} blocks until the sweep ends or its time is up.
 */
public final class Sweep {
    private final SparkSession spark;
    private final Overrides overrides = new Overrides();
    private String spaceFile;
    private String spaceJson = "{}";
    private String name = "sweep";
    private String out;
    private Duration lockStale = RunOptions.DEFAULT_LOCK_STALE;

    Sweep(SparkSession spark) {
        this.spark = spark;
    }

    public Sweep space(String file) {
        this.spaceFile = file;
        return this;
    }

    /** The space as JSON text, for notebooks that keep it inline. */
    public Sweep spaceJson(String json, String sweepName) {
        this.spaceJson = json;
        this.name = sweepName;
        this.spaceFile = null;
        return this;
    }

    public Sweep param(String name, String spec) {
        overrides.set("param " + name, spec, "params", name);
        return this;
    }

    public Sweep searcher(String type) {
        overrides.set("searcher", type, "searcher", "type");
        return this;
    }

    public Sweep maxTrials(int n) {
        overrides.set("maxTrials", n, "budget", "maxTrials");
        return this;
    }

    public Sweep parallelism(int n) {
        overrides.set("parallelism", n, "budget", "parallelism");
        return this;
    }

    public Sweep seed(long seed) {
        overrides.set("seed", seed, "searcher", "seed");
        return this;
    }

    public Sweep timeBudget(String duration) {
        overrides.set("timeBudget", duration, "budget", "timeBudget");
        return this;
    }

    public Sweep out(String dir) {
        this.out = dir;
        return this;
    }

    public Sweep lockStale(Duration staleAfter) {
        this.lockStale = staleAfter;
        return this;
    }

    public SweepSpec spec() {
        return spaceFile == null ? SpecParser.parse(name, spaceJson, name, overrides) : SparkTune.spec(spaceFile, overrides);
    }

    public SweepOutcome run() throws IOException, InterruptedException {
        if (spark != null) {
            SparkSession.setActiveSession(spark);
        }
        return SparkTune.run(spec(), new RunOptions(out, null, lockStale, System.out, RunOptions.DEFAULT_PROGRESS_MILLIS));
    }
}
