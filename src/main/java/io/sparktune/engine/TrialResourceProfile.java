package io.sparktune.engine;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Resources;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.resource.ExecutorResourceRequests;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

import java.util.Optional;

/**
 * The stage-level resource profile a trial's tasks run with on a cluster, for trials that ask for
 * more than one cpu or for GPUs: Spark gives each task its cpus, so an executor of N cores runs
 * N/cpus trials at once, and its share of a GPU (0.5 puts two tasks on one address); the trial reads
 * the address from its TaskContext. Local mode has no GPUs to give and refuses profiles: there the
 * runner takes its GPUs from {@link LocalGpus}' pool instead.
 *
 * <p>With dynamic allocation off, Spark takes only a task-only profile, so trials run on the
 * executors the application was given, which must have the cores a trial asks for. With dynamic
 * allocation on, the profile also asks the cluster manager (YARN, Kubernetes) for executors of the
 * trial's size: at least {@code cpus} cores and the GPUs it needs, whatever the default executors have.
 */
final class TrialResourceProfile {
    private TrialResourceProfile() {
    }

    static Optional<ResourceProfile> of(SparkContext sc, Resources resources) {
        if (sc.isLocal() || (resources.gpus() == 0 && resources.cpus() == 1)) {
            return Optional.empty();
        }
        TaskResourceRequests task = new TaskResourceRequests().cpus(resources.cpus());
        if (resources.gpus() > 0) {
            task = task.resource("gpu", resources.gpus());
        }
        ResourceProfileBuilder profile = new ResourceProfileBuilder().require(task);
        if (sc.getConf().getBoolean("spark.dynamicAllocation.enabled", false)) {
            profile.require(executorOfATrial(sc.getConf(), resources));
        } else {
            requireExecutorCores(sc, resources.cpus());
        }
        return Optional.of(profile.build());
    }

    /**
     * Executors as large as the configured ones, and never smaller than a trial; memory and overhead
     * are the default profile's. A GPU executor finds its addresses with the same discovery script as
     * the default profile's executors.
     */
    private static ExecutorResourceRequests executorOfATrial(SparkConf conf, Resources resources) {
        ExecutorResourceRequests executor = new ExecutorResourceRequests()
                .cores(Math.max(resources.cpus(), conf.getInt("spark.executor.cores", 1)));
        if (resources.gpus() > 0) {
            executor = executor.resource("gpu", (long) Math.ceil(resources.gpus()),
                    conf.get("spark.executor.resource.gpu.discoveryScript", ""), conf.get("spark.executor.resource.gpu.vendor", ""));
        }
        return executor;
    }

    /**
     * A task that asks for more cores than an executor has is never scheduled: the sweep would wait
     * for ever. spark.executor.cores unset means 1 on YARN and Kubernetes, and all of a worker's cores
     * on a standalone cluster.
     */
    private static void requireExecutorCores(SparkContext sc, int cpus) {
        boolean standalone = sc.master().startsWith("spark://") || sc.master().startsWith("local-cluster");
        int cores = sc.getConf().getInt("spark.executor.cores", standalone ? cpus : 1);
        if (cores < cpus) {
            throw new InvalidInputException("resources.cpus", String.valueOf(cpus), "a trial asks for more cores than an executor has ("
                    + cores + ", spark.executor.cores); give executors at least " + cpus + " cores (--executor-cores) or trials fewer cpus");
        }
    }
}
