package io.sparktune.engine;

import io.sparktune.core.Resources;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.trial.TrialRunner;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.resource.ResourceProfile;
import scala.collection.JavaConverters;
import scala.concurrent.ExecutionContext;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Sends trials to executors as small asynchronous Spark jobs, one partition per task-full of trials.
 * Results come back partition by partition through {@link SparkContext#submitJob}'s result handler,
 * so a finished trial frees its slot at once even while its job's other partitions still run.
 */
final class TrialLauncher implements TrialPlacement {
    static final String POOL = "sparktune";

    private final SparkContext sc;
    private final Broadcast<TrialRunner> runner;
    private final ResourceProfile profile;
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final Map<Integer, SimpleFutureAction<BoxedUnit>> running = new ConcurrentHashMap<>();
    private final ExecutionContext callbacks = ExecutionContext.fromExecutor(Runnable::run);
    private int jobs;

    /** The runner (with the store's Hadoop settings) travels once per executor as a broadcast, not in every task. */
    TrialLauncher(SparkContext sc, TrialRunner runner, Resources resources) {
        this.sc = sc;
        this.runner = new JavaSparkContext(sc).broadcast(runner);
        this.profile = TrialResourceProfile.of(sc, resources).orElse(null);
    }

    @Override
    public BlockingQueue<Completion> completions() {
        return completions;
    }

    /** Starts one job for {@code trials}, {@code perTask} trials to a partition. */
    @Override
    public void launch(String sweepName, List<Trial> trials, int perTask) {
        int partitions = (trials.size() + perTask - 1) / perTask;
        RDD<Trial> rdd = new JavaSparkContext(sc).parallelize(trials, partitions).rdd();
        if (profile != null) {
            rdd = rdd.withResources(profile);
        }
        Set<Integer> outstanding = ConcurrentHashMap.newKeySet();
        trials.forEach(t -> outstanding.add(t.id()));
        Map<Integer, Trial> byId = trials.stream().collect(Collectors.toMap(Trial::id, t -> t));
        int job = ++jobs;

        sc.setJobDescription(sweepName + ": trials " + describe(trials));
        sc.setLocalProperty("spark.scheduler.pool", POOL);
        sc.setLocalProperty("spark.job.interruptOnCancel", "true");
        SimpleFutureAction<BoxedUnit> action = sc.submitJob(rdd, new RunPartition(runner),
                JavaConverters.asScalaBuffer(IntStream.range(0, partitions).boxed().map(i -> (Object) i).toList()).toSeq(),
                new AbstractFunction2<Object, List<TrialResult>, BoxedUnit>() {
                    @Override
                    public BoxedUnit apply(Object partition, List<TrialResult> results) {
                        results.forEach(r -> outstanding.remove(r.id()));
                        completions.add(new Completion.Results(results));
                        return BoxedUnit.UNIT;
                    }
                },
                new AbstractFunction0<BoxedUnit>() {
                    @Override
                    public BoxedUnit apply() {
                        return BoxedUnit.UNIT;
                    }
                });
        running.put(job, action);
        action.onComplete(new AbstractFunction1<scala.util.Try<BoxedUnit>, BoxedUnit>() {
            @Override
            public BoxedUnit apply(scala.util.Try<BoxedUnit> outcome) {
                running.remove(job);
                if (outcome.isFailure() && !outstanding.isEmpty()) {
                    List<Trial> lost = new ArrayList<>();
                    outstanding.forEach(id -> lost.add(byId.get(id)));
                    completions.add(new Completion.Lost(lost, outcome.failed().get()));
                }
                return BoxedUnit.UNIT;
            }
        }, callbacks);
    }

    /** Cancels every running job; their trials report nothing and run again in the next run. */
    @Override
    public void cancelAll() {
        running.values().forEach(SimpleFutureAction::cancel);
    }

    private static String describe(List<Trial> trials) {
        if (trials.size() <= 4) {
            return trials.stream().map(t -> String.valueOf(t.id())).collect(Collectors.joining(","));
        }
        return trials.get(0).id() + "-" + trials.get(trials.size() - 1).id() + " (" + trials.size() + ")";
    }

    /** The task body, shipped to executors. */
    private static final class RunPartition extends AbstractFunction1<scala.collection.Iterator<Trial>, List<TrialResult>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<TrialRunner> runner;

        RunPartition(Broadcast<TrialRunner> runner) {
            this.runner = runner;
        }

        @Override
        public List<TrialResult> apply(scala.collection.Iterator<Trial> trials) {
            try {
                return runner.value().runAll(JavaConverters.asJavaIterator(trials));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("trial task cancelled", e);
            }
        }
    }
}
