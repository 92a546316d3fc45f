package io.sparktune.engine;

import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;

import java.io.PrintStream;
import java.util.Locale;

/** The driver's live progress: one line every interval, and one at the end. */
final class ProgressLine {
    private final PrintStream out;
    private final long intervalMillis;
    private final long startMillis = System.currentTimeMillis();
    private long lastPrint;

    ProgressLine(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalMillis = intervalMillis;
    }

    void maybePrint(SweepState state, int running, int total) {
        long now = System.currentTimeMillis();
        if (now - lastPrint >= intervalMillis) {
            print(state, running, total);
        }
    }

    void print(SweepState state, int running, int total) {
        lastPrint = System.currentTimeMillis();
        out.println(format(state, running, total, lastPrint - startMillis));
        out.flush();
    }

    static String format(SweepState state, int running, int total, long elapsedMillis) {
        StringBuilder line = new StringBuilder()
                .append("trials ").append(state.done()).append('/').append(total)
                .append(" | running ").append(running)
                .append(" | failed ").append(state.failed());
        if (state.stopped() > 0) {
            line.append(" | stopped ").append(state.stopped());
        }
        TrialResult best = state.best();
        Objective objective = state.objective();
        if (best != null) {
            line.append(" | best ").append(objective.metric()).append('=')
                    .append(String.format(Locale.ROOT, "%.6g", best.metrics().get(objective.metric())))
                    .append(" (trial ").append(best.id()).append(')');
        }
        long s = elapsedMillis / 1000;
        return line.append(" | ").append(String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)).toString();
    }
}
