package io.sparktune.engine;

import io.sparktune.core.Objective;
import io.sparktune.core.SearcherLoad;
import io.sparktune.core.TrialResult;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The driver's live progress. On a terminal it is one bar redrawn in place: done/total, running,
 * failed and stopped counts, best so far and ETA. Elsewhere (a log file, a notebook, a cluster
 * job's stdout) it prints the same facts as a plain line every interval, and once at the end. With a
 * learning searcher, or whenever the searcher holds the slots up, it adds the time spent suggesting
 * against the time spent training ({@link SearcherLoad}).
 */
final class ProgressLine {
    private static final int BAR = 24;

    private final PrintStream out;
    private final long intervalMillis;
    private final boolean terminal;
    private final int doneAtStart;
    private final boolean learningSearcher;
    private final long startMillis = System.currentTimeMillis();
    private long lastPrint;

    /** @param doneAtStart trials a resumed sweep had done already: they do not count towards the rate */
    ProgressLine(PrintStream out, long intervalMillis, int doneAtStart, boolean learningSearcher) {
        this(out, intervalMillis, doneAtStart, learningSearcher, out == System.out && System.console() != null);
    }

    ProgressLine(PrintStream out, long intervalMillis, int doneAtStart, boolean learningSearcher, boolean terminal) {
        this.out = out;
        this.intervalMillis = intervalMillis;
        this.doneAtStart = doneAtStart;
        this.learningSearcher = learningSearcher;
        this.terminal = terminal;
    }

    void maybePrint(SweepState state, int running, int total, SearcherLoad load) {
        long now = System.currentTimeMillis();
        if (now - lastPrint >= intervalMillis) {
            print(state, running, total, load);
        }
    }

    void print(SweepState state, int running, int total, SearcherLoad load) {
        lastPrint = System.currentTimeMillis();
        long elapsed = lastPrint - startMillis;
        String loadShown = learningSearcher || load.searcherBound() ? load.describe() : null;
        if (terminal) {
            // Back to the line's start, redraw, and clear what a longer earlier line left behind.
            out.print("\r" + bar(state, running, total, elapsed, doneAtStart) + (loadShown == null ? "" : "  " + loadShown) + "\033[K");
        } else {
            out.println(format(state, running, total, elapsed, doneAtStart) + (loadShown == null ? "" : " | " + loadShown));
        }
        out.flush();
    }

    /** The last update; on a terminal it ends the bar's line so that what follows starts on its own. */
    void finish(SweepState state, int total, SearcherLoad load) {
        print(state, 0, total, load);
        if (terminal) {
            out.println();
        }
    }

    static String bar(SweepState state, int running, int total, long elapsedMillis, int doneAtStart) {
        int filled = total == 0 ? BAR : (int) Math.min(BAR, (long) state.done() * BAR / total);
        StringBuilder line = new StringBuilder("[").append("=".repeat(filled));
        if (filled < BAR) {
            line.append('>').append(" ".repeat(BAR - filled - 1));
        }
        line.append("] ").append(state.done()).append('/').append(total)
                .append("  running ").append(running).append("  failed ").append(state.failed())
                .append("  stopped ").append(state.stopped());
        best(state).ifPresent(b -> line.append("  ").append(b));
        return line.append("  ETA ").append(eta(state, total, elapsedMillis, doneAtStart))
                .append("  elapsed ").append(clock(elapsedMillis / 1000)).toString();
    }

    static String format(SweepState state, int running, int total, long elapsedMillis, int doneAtStart) {
        StringBuilder line = new StringBuilder()
                .append("trials ").append(state.done()).append('/').append(total)
                .append(" | running ").append(running)
                .append(" | failed ").append(state.failed());
        if (state.stopped() > 0) {
            line.append(" | stopped ").append(state.stopped());
        }
        best(state).ifPresent(b -> line.append(" | ").append(b));
        line.append(" | ").append(clock(elapsedMillis / 1000));
        if (state.done() < total) {
            line.append(" | eta ").append(eta(state, total, elapsedMillis, doneAtStart));
        }
        return line.toString();
    }

    /** The best trial by the objective; with several, no one trial is best, so the Pareto front's size. */
    private static Optional<String> best(SweepState state) {
        if (state.goals().several()) {
            int front = state.front().size();
            return front == 0 ? Optional.empty() : Optional.of("front " + front + (front == 1 ? " trial" : " trials"));
        }
        TrialResult best = state.best();
        Objective objective = state.objective();
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of("best " + objective.metric() + "=" + String.format(Locale.ROOT, "%.6g", best.metrics().get(objective.metric()))
                + " (trial " + best.id() + ")");
    }

    /** Time left at this run's rate so far; unknown until a trial of this run has finished. */
    static String eta(SweepState state, int total, long elapsedMillis, int doneAtStart) {
        int doneNow = state.done() - doneAtStart;
        if (state.done() >= total) {
            return clock(0);
        }
        if (doneNow <= 0) {
            return "--:--:--";
        }
        return clock(Math.round((double) elapsedMillis / doneNow * (total - state.done()) / 1000));
    }

    private static String clock(long s) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
