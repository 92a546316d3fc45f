package io.sparktune.engine;

import io.sparktune.core.Trial;

import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Where trials run, as the driver loop sees it: trials go in as tasks of {@code perTask} trials, and
 * results (or lost tasks) come back on one queue. The loop keeps at most {@code parallelism} tasks in
 * flight whichever placement runs them, so both are bounded, journaled, budgeted and resumed alike.
 * {@link TrialLauncher} runs tasks on executors; {@link DriverThreads} runs them on driver threads, for
 * trials that are themselves Spark jobs over the whole cluster.
 */
interface TrialPlacement {

    BlockingQueue<Completion> completions();

    /** Starts {@code trials}, {@code perTask} to a task, without waiting for them. */
    void launch(String sweepName, List<Trial> trials, int perTask);

    /** Stops every running task; their trials report nothing and run again in the next run. */
    void cancelAll();
}
