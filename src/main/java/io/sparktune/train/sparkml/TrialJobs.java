package io.sparktune.train.sparkml;

import io.sparktune.train.TrialContext;
import org.apache.spark.SparkContext;

import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a trial's Spark work in the trial's own job group and FAIR pool: the pool gives each trial
 * running at once an equal share of the cluster, so one trial's many tasks cannot starve the
 * others, and the group is cancelled as soon as the trial is told to stop (its timeout, the sweep's
 * time budget), since a thread blocked in a Spark job does not end that job when interrupted.
 */
final class TrialJobs {
    static final String POOL_PROPERTY = "spark.scheduler.pool";
    private static final long WATCH_MILLIS = 200;
    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sparkml-trial-watch");
        t.setDaemon(true);
        return t;
    });

    private TrialJobs() {
    }

    /** The job group (and pool) of a trial of a run: what the Spark UI shows and what cancellation names. */
    static String group(String runId, int trialId) {
        return "sparktune-" + runId + "-trial-" + trialId;
    }

    static <T> T run(SparkContext sc, String group, String description, TrialContext context, Callable<T> work) throws Exception {
        ScheduledFuture<?> watch = WATCH.scheduleWithFixedDelay(() -> {
            if (context.shouldStop()) {
                sc.cancelJobGroup(group);
            }
        }, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        sc.setJobGroup(group, description, true);
        sc.setLocalProperty(POOL_PROPERTY, group);
        try {
            return work.call();
        } finally {
            watch.cancel(false);
            sc.clearJobGroup();
            sc.setLocalProperty(POOL_PROPERTY, null);
        }
    }
}
