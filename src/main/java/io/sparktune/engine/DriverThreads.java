package io.sparktune.engine;

import io.sparktune.core.Trial;
import io.sparktune.trial.TrialRunner;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs tasks of trials on driver threads, for trainables whose trials are Spark jobs themselves
 * (Spark ML fits): each trial's own jobs spread over the whole cluster, and the loop's
 * {@code parallelism} tasks run as that many concurrent trials, as MLlib's {@code CrossValidator}
 * runs its fits. The same {@link TrialRunner} as on executors runs them, so timeouts, failures and
 * the store behave the same; a trainable gives its jobs their own job group and FAIR pool.
 */
final class DriverThreads implements TrialPlacement {
    private final TrialRunner runner;
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "driver-trials");
        t.setDaemon(true);
        return t;
    });

    DriverThreads(TrialRunner runner) {
        this.runner = runner;
    }

    @Override
    public BlockingQueue<Completion> completions() {
        return completions;
    }

    @Override
    public void launch(String sweepName, List<Trial> trials, int perTask) {
        for (int from = 0; from < trials.size(); from += perTask) {
            List<Trial> task = List.copyOf(trials.subList(from, Math.min(trials.size(), from + perTask)));
            FutureTask<Void> future = new FutureTask<>(() -> run(task), null) {
                @Override
                protected void done() {
                    running.remove(this);
                }
            };
            running.add(future);
            threads.execute(future);
        }
    }

    private void run(List<Trial> task) {
        try {
            completions.add(new Completion.Results(runner.runAll(task.iterator())));
        } catch (InterruptedException | RuntimeException e) {
            // Cancelled, or the store failed the task: its trials stay unfinished, as a lost job's do.
            completions.add(new Completion.Lost(task, e));
        }
    }

    @Override
    public void cancelAll() {
        running.forEach(task -> task.cancel(true));
    }
}
