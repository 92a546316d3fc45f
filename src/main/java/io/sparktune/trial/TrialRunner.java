package io.sparktune.trial;

import io.sparktune.core.Goals;
import io.sparktune.core.Objective;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.schedule.Scheduler;
import io.sparktune.schedule.SchedulerSpec;
import io.sparktune.store.StoreLocation;
import io.sparktune.store.StoreUnavailableException;
import io.sparktune.store.SweepDirectory;
import io.sparktune.train.ClusterFaultException;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableSpec;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs trials inside a Spark task. Whatever a trainable does (throws, returns NaN, runs past its
 * timeout), the trial ends as a result, never as a failed task: a failed task means infrastructure
 * (a lost executor, an unreachable sweep directory), and Spark retries it.
 */
public final class TrialRunner implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How long a trainable gets to wind up after it is told to stop before it is abandoned. */
    private static final long STOP_GRACE_MILLIS = 5_000;
    private static final String HOST = hostName();
    /**
     * Trials train on their own thread, so a timeout or a cancelled task can interrupt them; the threads
     * are kept between trials because a packed task runs hundreds of short ones.
     */
    private static final ExecutorService TRAINING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "trial");
        t.setDaemon(true);
        return t;
    });

    private final StoreLocation store;
    private final TrainableSpec trainable;
    private final SchedulerSpec scheduler;
    private final Goals goals;
    private final Duration trialTimeout;
    private final int cpus;
    private final long progressFlushMillis;
    private final Serializable prepared;
    /** GPUs that SparkTune hands out itself (a local master); null where Spark assigns them to tasks. */
    private final GpuPool gpuPool;

    /** @param prepared what the trainable spec prepared on the driver (a broadcast dataset), or null */
    public TrialRunner(StoreLocation store, TrainableSpec trainable, SchedulerSpec scheduler, Goals goals,
                       Duration trialTimeout, int cpus, long progressFlushMillis, Serializable prepared) {
        this(store, trainable, scheduler, goals, trialTimeout, cpus, progressFlushMillis, prepared, null);
    }

    private TrialRunner(StoreLocation store, TrainableSpec trainable, SchedulerSpec scheduler, Goals goals,
                        Duration trialTimeout, int cpus, long progressFlushMillis, Serializable prepared, GpuPool gpuPool) {
        this.store = store;
        this.trainable = trainable;
        this.scheduler = scheduler;
        this.goals = goals;
        this.trialTimeout = trialTimeout;
        this.cpus = cpus;
        this.progressFlushMillis = progressFlushMillis;
        this.prepared = prepared;
        this.gpuPool = gpuPool;
    }

    /** This runner, giving each trial its GPUs from {@code pool} instead of from its Spark task. */
    public TrialRunner withGpuPool(GpuPool pool) {
        return new TrialRunner(store, trainable, scheduler, goals, trialTimeout, cpus, progressFlushMillis, prepared, pool);
    }

    /** Runs a partition's trials one after another. */
    public List<TrialResult> runAll(Iterator<Trial> trials) throws InterruptedException {
        List<TrialResult> results = new ArrayList<>();
        while (trials.hasNext()) {
            results.add(run(trials.next()));
        }
        return results;
    }

    public TrialResult run(Trial trial) throws InterruptedException {
        if (gpuPool == null) {
            return run(trial, sparkAssignedGpus());
        }
        List<String> gpus = gpuPool.take();
        try {
            return run(trial, gpus);
        } finally {
            gpuPool.giveBack(gpus);
        }
    }

    private TrialResult run(Trial trial, List<String> gpus) throws InterruptedException {
        long start = System.currentTimeMillis();
        int attempt = trial.attempt() + taskRetries();
        // Made from the spec alone, the same for every trial: an executor that cannot make it (a class
        // missing from its class path, shared data that never arrived) fails the task, which Spark
        // retries, and never this trial.
        Trainable instance = trainable.create(prepared);
        StoreTrialContext context;
        try {
            SweepDirectory dir = store.open();
            context = new StoreTrialContext(trial.id(), trial.seed(), cpus, gpus, goals,
                    scheduler.create(goals, dir), dir, progressFlushMillis);
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException("cannot open trial " + trial.id() + "'s directory: " + e.getMessage(), e);
        }
        Future<Map<String, Double>> training = null;
        // A cancelled Future answers get() at once, so the grace period waits on this instead.
        CountDownLatch ended = new CountDownLatch(1);
        try {
            training = TRAINING.submit(() -> {
                // Named for its trial while it trains, so thread dumps and logs say which trial a stack is.
                Thread.currentThread().setName("trial-" + trial.id());
                try {
                    return instance.train(trial.config(), context);
                } finally {
                    Thread.currentThread().setName("trial");
                    ended.countDown();
                }
            });
            Map<String, Double> metrics = await(training, ended, context);
            context.finish();
            return finished(trial, metrics, context, start, attempt);
        } catch (TimeoutException e) {
            return failed(trial, context, "timed out after " + trialTimeout.toSeconds() + "s", start, attempt);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreUnavailableException || e.getCause() instanceof ClusterFaultException) {
                // Not the trial's fault: the task fails (on the driver, the run stops) and the trial runs again.
                throw (RuntimeException) e.getCause();
            }
            return failed(trial, context, describe(e.getCause()), start, attempt);
        } catch (InterruptedException | StoreUnavailableException e) {
            // Cancelled (the sweep's time ran out) or the store is unreachable: no result; the trial runs again.
            throw e;
        } catch (Exception e) {
            return failed(trial, context, describe(e), start, attempt);
        } finally {
            if (training != null) {
                training.cancel(true);
            }
            context.close();
        }
    }

    /** Waits for training; on timeout or task cancellation, asks the trainable to stop and interrupts it. */
    private Map<String, Double> await(Future<Map<String, Double>> training, CountDownLatch ended, StoreTrialContext context)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            return trialTimeout == null ? training.get() : training.get(trialTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            context.requestStop();
            training.cancel(true);
            awaitQuietly(ended);
            throw e;
        }
    }

    private static void awaitQuietly(CountDownLatch ended) {
        try {
            ended.await(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ignored) {
            // Stopping is best effort: a trainable that ignores interrupts is left to finish on its own, closed off from the store.
        }
    }

    private TrialResult finished(Trial trial, Map<String, Double> metrics, StoreTrialContext context, long start, int attempt) {
        long end = System.currentTimeMillis();
        if (metrics == null) {
            return TrialResult.failed(trial, "the trainable returned no metrics", start, end, HOST, attempt);
        }
        Objective objective = goals.primary();
        Double value = metrics.get(objective.metric());
        if (value == null) {
            return TrialResult.failed(trial, "metric '" + objective.metric() + "' missing from the result (got "
                    + metrics.keySet() + ")", start, end, HOST, attempt);
        }
        if (!Double.isFinite(value)) {
            return TrialResult.failed(trial, "metric '" + objective.metric() + "' is " + value, start, end, HOST, attempt);
        }
        TrialStatus status = switch (context.decision()) {
            case STOP -> TrialStatus.STOPPED;
            case PAUSE -> TrialStatus.PAUSED;
            case CONTINUE -> TrialStatus.COMPLETED;
        };
        return new TrialResult(trial.id(), trial.config(), trial.seed(), status, metrics, context.steps(), start, end,
                HOST, null, attempt);
    }

    /** A FAILED result, once its progress is saved: a store that cannot take it fails the task instead, as in a report. */
    private static TrialResult failed(Trial trial, StoreTrialContext context, String error, long start, int attempt) {
        context.finish();
        return new TrialResult(trial.id(), trial.config(), trial.seed(), TrialStatus.FAILED, Map.of(), context.steps(),
                start, System.currentTimeMillis(), HOST, error, attempt);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        StackTraceElement[] where = e.getStackTrace();
        return where.length == 0 ? text : text + " (at " + where[0] + ")";
    }

    private static int taskRetries() {
        TaskContext task = TaskContext.get();
        return task == null ? 0 : task.attemptNumber();
    }

    private static List<String> sparkAssignedGpus() {
        TaskContext task = TaskContext.get();
        if (task == null) {
            return List.of();
        }
        scala.Option<ResourceInformation> gpu = task.resources().get("gpu");
        return gpu.isDefined() ? Arrays.asList(gpu.get().addresses()) : List.of();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
