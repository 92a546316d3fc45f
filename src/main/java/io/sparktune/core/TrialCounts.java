package io.sparktune.core;

/**
 * How many trials of a sweep have a result, by status, and how many of those ran more than once.
 * The driver, {@code tune status} and a run's outcome count with this one rule.
 *
 * @param retried trials whose result came from an attempt after the first (a driver or executor was lost, or
 *                {@code --retry-failed} ran a FAILED trial again)
 */
public record TrialCounts(int completed, int stopped, int failed, int retried) {
    public static final TrialCounts NONE = new TrialCounts(0, 0, 0, 0);

    /** These counts with one more trial's result; PAUSED results are not results yet and are refused. */
    public TrialCounts plus(TrialResult result) {
        int again = result.attempt() > 1 ? 1 : 0;
        return switch (result.status()) {
            case COMPLETED -> new TrialCounts(completed + 1, stopped, failed, retried + again);
            case STOPPED -> new TrialCounts(completed, stopped + 1, failed, retried + again);
            case FAILED -> new TrialCounts(completed, stopped, failed + 1, retried + again);
            case PAUSED -> throw new IllegalArgumentException("trial " + result.id() + " paused: it has no result yet");
        };
    }

    public int done() {
        return completed + stopped + failed;
    }
}
