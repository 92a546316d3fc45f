package io.sparktune.engine;

import io.sparktune.core.Goals;
import io.sparktune.core.History;
import io.sparktune.core.Objective;
import io.sparktune.core.Observation;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialCounts;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.pareto.ParetoFront;
import io.sparktune.space.Space;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.JournalTrials;
import io.sparktune.store.SweepDirectory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the driver knows of a sweep: counts, the best trial, the trials started but not finished, and
 * the searcher's history. The same code folds in the journal at start and live results later, so a
 * resumed driver is in the state the dead one was. Per trial it keeps one bit, plus an observation
 * when the searcher learns from results.
 */
final class SweepState {
    private final Goals goals;
    private final Objective objective;
    private final boolean keepObservations;
    private final ParetoFront front;
    private final History history = new History();
    private final BitSet finished = new BitSet();
    private final Map<Integer, Trial> unfinished = new TreeMap<>();
    private TrialCounts counts = TrialCounts.NONE;
    private TrialResult best;

    SweepState(Goals goals, boolean keepObservations) {
        this.goals = goals;
        this.objective = goals.primary();
        this.keepObservations = keepObservations;
        this.front = new ParetoFront(goals);
    }

    /** Folds in the sweep's own journal. */
    void replay(SweepDirectory dir) throws IOException {
        JournalTrials.read(dir, new JournalTrials.Reader() {
            @Override
            public void started(JournalRecord.Started start) {
                SweepState.this.started(start.trial());
            }

            @Override
            public void finished(TrialResult result) {
                SweepState.this.finished(result);
            }
        });
    }

    /**
     * Seeds the searcher's history with another sweep's results ({@code tune run --restart-from}):
     * each finished trial with a value for this sweep's objective whose config {@code space} admits,
     * under trial ids -n..-1 in the other journal's order. Counts and the best trial stay this
     * sweep's own. Called before {@link #replay}, on every run, so a resumed restart sees the same
     * history as one that never stopped.
     *
     * @return a line saying what was taken and what was skipped
     */
    String seedFrom(SweepDirectory other, Space space) throws IOException {
        List<TrialResult> results = new ArrayList<>();
        JournalTrials.read(other, results::add);
        List<Observation> taken = new ArrayList<>();
        int noValue = 0;
        List<Integer> misfits = new ArrayList<>();
        for (TrialResult result : results) {
            Optional<Observation> observation = observation(result);
            if (observation.isEmpty()) {
                noValue++;
            } else if (!space.admits(result.config())) {
                misfits.add(result.id());
            } else {
                taken.add(observation.get());
            }
        }
        if (keepObservations) {
            for (int i = 0; i < taken.size(); i++) {
                history.observe(taken.get(i).withTrialId(i - taken.size()));
            }
        }
        return "restart from " + other.uri() + ": " + (keepObservations ? taken.size() + " results seed the searcher"
                : "the searcher learns nothing from results; " + taken.size() + " results unused")
                + (misfits.isEmpty() ? "" : "; skipped " + misfits.size() + " whose configs do not fit this space (trials "
                        + misfits.subList(0, Math.min(5, misfits.size())) + (misfits.size() > 5 ? "..." : "") + ")")
                + (noValue == 0 ? "" : "; skipped " + noValue + " with no value for " + String.join(", ",
                        goals.objectives().stream().map(Objective::metric).toList()));
    }

    void started(Trial trial) {
        if (finished.get(trial.id())) {
            return;
        }
        history.started(trial.id(), trial.config(), keepObservations);
        unfinished.put(trial.id(), trial);
    }

    /** Folds in a result; false when the trial had a result already (a duplicate to ignore). */
    boolean finished(TrialResult result) {
        if (finished.get(result.id())) {
            return false;
        }
        finished.set(result.id());
        unfinished.remove(result.id());
        history.finished(result.id());
        counts = counts.plus(result);
        front.offer(result);
        if (keepObservations) {
            observation(result).ifPresent(history::observe);
        }
        if (objective.valueOf(result).isPresent() && goals.feasibility(result).feasible() && (best == null || outranksBest(result))) {
            best = result;
        }
        return true;
    }

    /**
     * A completed trial outranks a stopped one whatever their values: a scheduler stopped that one at
     * a lower fidelity (fewer epochs, rounds or rows), where its value is not comparable, and it saved
     * no model. Among trials of the same kind, the better value wins.
     */
    private boolean outranksBest(TrialResult result) {
        boolean completed = result.status() == TrialStatus.COMPLETED;
        boolean bestCompleted = best.status() == TrialStatus.COMPLETED;
        if (completed != bestCompleted) {
            return completed;
        }
        return objective.better(objective.valueOf(result).getAsDouble(), objective.valueOf(best).getAsDouble());
    }

    /** What a searcher learns from a result: every objective's loss and the constraints' violation; empty without every objective. */
    private Optional<Observation> observation(TrialResult result) {
        return goals.losses(result).map(losses -> new Observation(result.id(), result.config(), losses[0], result.status(),
                result.steps(), losses, goals.feasibility(result).violation(), goals.margins(result)));
    }

    History history() {
        return history;
    }

    /** Trials started by an earlier driver that never reported back; they run again. */
    List<Trial> unfinished() {
        return List.copyOf(unfinished.values());
    }

    TrialCounts counts() {
        return counts;
    }

    int done() {
        return counts.done();
    }

    int completed() {
        return counts.completed();
    }

    int stopped() {
        return counts.stopped();
    }

    int failed() {
        return counts.failed();
    }

    /**
     * The feasible trial with the best value of the first objective, among the completed ones; a
     * stopped trial only while none has completed.
     */
    TrialResult best() {
        return best;
    }

    /** The feasible non-dominated trials, in id order; changes whenever a result joins the front. */
    List<TrialResult> front() {
        return front.members();
    }

    Objective objective() {
        return objective;
    }

    Goals goals() {
        return goals;
    }
}
