package io.sparktune.train.sparkml;

import io.sparktune.core.Messages;
import io.sparktune.train.ClusterFaultException;
import org.apache.spark.SparkException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whose fault a failed Spark job of a trial is. A task's own exception (a fit that rejects its params)
 * is the trial's: the trial is FAILED with it. A job that died with its executors, its shuffle files
 * or its SparkContext, was cancelled from outside the trial, or met a class its executors cannot load, says
 * nothing about the params: the
 * trial is left for the next run ({@link ClusterFaultException}).
 */
final class JobFailure {
    /** Spark's own words for the faults that are the cluster's: in the first line of the job's exception. */
    private static final Pattern CLUSTER_FAULT = Pattern.compile(
            "ExecutorLostFailure|FetchFailed|SparkContext was shut down|cancelled|Executor heartbeat timed out|Lost executor");

    private JobFailure() {
    }

    /** What to throw for a failed job: a cluster fault, or the exception that failed the trial. */
    static Exception of(SparkException failed) {
        SparkException last = failed;
        Throwable root = failed;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof SparkException spark) {
                last = spark;
            }
        }
        // The rest of the message is the driver's stack trace.
        String first = Messages.firstLine(last.getMessage(), "a Spark job failed with no message");
        // A class the executors cannot load fails every trial alike, whichever way Spark reports it.
        for (String words : List.of(root.toString(), first)) {
            if (ClusterFaultException.CLASS_LOADING.matcher(words).find()) {
                return new ClusterFaultException(words, failed);
            }
        }
        // The task's own exception, where Spark kept it (local mode, and when it deserialises on the driver).
        if (root instanceof Exception cause && !(cause instanceof SparkException)) {
            return cause;
        }
        if (CLUSTER_FAULT.matcher(first).find()) {
            return new ClusterFaultException(first, failed);
        }
        return new SparkException(first);
    }
}
