package io.sparktune.train.sparkml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;

/**
 * The fits a run may have going at once, shared by all its trials: a trial's folds fit in parallel,
 * with each other and with other trials' folds, and never more than the run's {@code parallelism}
 * in all (as MLlib's {@code CrossValidator} caps its fits). Each fit holds one slot only while it
 * runs, and a trial waiting for its folds holds none, so trials that wait on each other's slots
 * cannot deadlock.
 */
public final class FitSlots implements Serializable {
    private final Semaphore slots;

    /** @param count fits at once, at least 1 */
    public FitSlots(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("fits at once: expected 1 or more, got " + count);
        }
        // Fair: the folds of a trial that asked first fit first, so trials finish in about the order they started.
        this.slots = new Semaphore(count, true);
    }

    /**
     * Runs every fit, each on a new thread once a slot is free, and returns their results in the
     * given order. A new thread per fit, not a pool's: a thread made here inherits the calling
     * trial's Spark job group and pool, which a reused thread would not. When fits fail, the first
     * one's exception (in the given order) is thrown, once all have ended, so the trial fails as
     * it would with its folds one after another.
     */
    public <T> List<T> all(List<Callable<T>> fits) throws Exception {
        List<FutureTask<T>> tasks = new ArrayList<>();
        for (Callable<T> fit : fits) {
            FutureTask<T> task = new FutureTask<>(() -> {
                slots.acquire();
                try {
                    return fit.call();
                } finally {
                    slots.release();
                }
            });
            Thread thread = new Thread(task, Thread.currentThread().getName() + "-fit-" + tasks.size());
            thread.setDaemon(true);
            thread.start();
            tasks.add(task);
        }
        try {
            Exception failure = null;
            List<T> results = new ArrayList<>();
            for (FutureTask<T> task : tasks) {
                try {
                    results.add(task.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    failure = failure != null ? failure : (Exception) e.getCause();
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } catch (InterruptedException e) {
            // The trial is told to stop: fits still waiting for a slot need not start.
            tasks.forEach(task -> task.cancel(true));
            throw e;
        }
    }
}
