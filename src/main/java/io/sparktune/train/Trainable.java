package io.sparktune.train;

import io.sparktune.core.Config;

import java.util.Map;

/**
 * A model to train with one config. This is the extension point for new kinds of training: the
 * built-ins are benchmark functions, DJL networks and external commands, and a BigDL trainer or a
 * user's own class plugs in the same way ({@code {"type":"class","class":"com.acme.MyTrainable"}}).
 *
 * <p>Lifecycle: an instance is made on a Spark executor for each trial run (the class needs a public
 * no-argument constructor when named by class), {@link #train} is called once, and the instance is
 * dropped. Several trials may train at once in one executor JVM, each on its own instance and
 * thread. The same trial may run again after an executor or driver loss: a trainable that saves
 * checkpoints should first look for one with {@link TrialContext#latestCheckpoint()} and continue
 * from it.
 *
 * <p>At most one live writer per trial: a trial's files (progress, checkpoints, outputs, model) are
 * written by one run at a time. After a timeout or a cancelled task the runner asks the trainable to
 * stop ({@link TrialContext#shouldStop()}, an interrupt), waits a few seconds, then lets go: from then
 * on {@code report} returns false and writes nothing, and the context's other writes throw
 * {@link IllegalStateException}, so a trainable that ignored the request cannot write over the trial's
 * next attempt. Spark's speculation, which would run two copies of a trial at once, is off for sweeps.
 */
public interface Trainable {

    /**
     * Trains and returns the final metrics, which must include the sweep's metric. Call
     * {@link TrialContext#report} after each step or epoch, and return early when it answers false.
     * An exception, or a NaN objective, makes the trial FAILED and keeps the message; a
     * {@link ClusterFaultException} (the cluster lost the trial's work) leaves it unfinished instead.
     */
    Map<String, Double> train(Config config, TrialContext context) throws Exception;
}
