package io.sparktune.train;

import java.util.regex.Pattern;

/**
 * What a trainable throws when its trial's work was lost to the cluster, not to its config: an
 * executor died under a Spark job of the trial, a shuffle's output went with it, the SparkContext
 * shut down, the executors cannot load a class the job needs. The trial is not FAILED for it: it stays
 * unfinished, so the run that resumes the sweep runs it again, as the trials of a Spark job of trials
 * that Spark gave up on do.
 */
public class ClusterFaultException extends RuntimeException {
    /** The JVM's words for executors that cannot load a class: how the cluster was set up, never a trial's params. */
    public static final Pattern CLASS_LOADING = Pattern.compile(
            "(?:java\\.(?:lang|io)\\.)?(?:ClassNotFoundException|NoClassDefFoundError|InvalidClassException)[^\\n]*");

    public ClusterFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
