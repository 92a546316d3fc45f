package io.sparktune.engine;

/**
 * How many trials one Spark task runs in turn when the budget does not say and the searcher learns
 * nothing from results (a learning searcher gets one trial per task, so that each suggestion sees
 * every result). Starting a task costs the driver and Spark milliseconds (submit the job, schedule,
 * serialise, send the result back; docs/benchmarks.md, "Engine overhead"), a large share of a trial
 * of tens of milliseconds. So trials shorter than a second are packed into tasks of about
 * {@link #TASK_MILLIS}, while the driver still hears back every two seconds and a lost task costs
 * two seconds of work.
 */
final class TaskPacking {
    static final long TASK_MILLIS = 2_000;
    /** Even 0 s trials: a task still reports back within a few hundred milliseconds. */
    static final int MAX_PER_TASK = 1_000;

    private TaskPacking() {
    }

    /**
     * @param meanTrialMillis the mean length of the trials finished so far, or -1 if none has
     * @param waiting         trials not yet handed to Spark
     * @param parallelism     tasks at once
     */
    static int trialsPerTask(long meanTrialMillis, int waiting, int parallelism) {
        if (meanTrialMillis < 0) {
            return 1;
        }
        long fill = TASK_MILLIS / Math.max(1, meanTrialMillis);
        // At the end of the sweep every slot gets a share of what is left, so no slot idles while one works alone.
        long share = Math.max(1, ((long) waiting + parallelism - 1) / parallelism);
        return (int) Math.max(1, Math.min(Math.min(fill, MAX_PER_TASK), share));
    }
}
