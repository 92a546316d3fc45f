package io.sparktune.api;

import java.io.PrintStream;
import java.time.Duration;

/**
 * How to run a sweep, beside what the spec says.
 *
 * @param out        the sweep directory: hdfs://, file:// or a plain path; null means ./sweeps/NAME
 * @param master     the Spark master when SparkTune starts Spark itself (no spark-submit); null means local[*]
 * @param lockStale  how long a lock may go without heartbeat before another run takes it over
 * @param progress   where progress and summaries go
 * @param progressMillis how often the progress line is printed
 * @param restartFrom another sweep directory whose results seed this sweep's searcher (Guild's
 *                    restart); its configs that this space cannot produce are skipped; null for none
 * @param retryFailed run the sweep's FAILED trials again first, as new attempts with the same ids and
 *                    configs (Guild's restart of failed runs), then go on as usual; refused (exit 2) where
 *                    {@code out} holds no sweep or a sweep with no FAILED trial. Not part of the spec's
 *                    identity: any run of the same sweep may ask for it.
 */
public record RunOptions(String out, String master, Duration lockStale, PrintStream progress, long progressMillis,
                         String restartFrom, boolean retryFailed) {
    public static final Duration DEFAULT_LOCK_STALE = Duration.ofSeconds(60);
    /** The console's progress line: often enough to watch a sweep, seldom enough to read each line. */
    public static final long DEFAULT_PROGRESS_MILLIS = 2_000;

    public RunOptions {
        if (out != null) {
            FlagPath.of("--out", out);
        }
    }

    public RunOptions(String out, String master, Duration lockStale, PrintStream progress, long progressMillis) {
        this(out, master, lockStale, progress, progressMillis, null, false);
    }

    public RunOptions(String out, String master, Duration lockStale, PrintStream progress, long progressMillis,
                      String restartFrom) {
        this(out, master, lockStale, progress, progressMillis, restartFrom, false);
    }

    public RunOptions withRestartFrom(String other) {
        return new RunOptions(out, master, lockStale, progress, progressMillis, other, retryFailed);
    }

    public RunOptions withRetryFailed(boolean retry) {
        return new RunOptions(out, master, lockStale, progress, progressMillis, restartFrom, retry);
    }
}
