package io.sparktune.train;

/**
 * What a trainable throws when its trial's work was lost to the cluster, not to its config: an
 * executor died under a Spark job of the trial, a shuffle's output went with it, the SparkContext
 * shut down. The trial is not FAILED for it: it stays unfinished, so the run that resumes the sweep
 * runs it again, as the trials of a Spark job of trials that Spark gave up on do.
 */
public class ClusterFaultException extends RuntimeException {
    public ClusterFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
