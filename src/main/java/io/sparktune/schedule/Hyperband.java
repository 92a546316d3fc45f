package io.sparktune.schedule;

import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.store.Rungs;
import io.sparktune.store.StepBudget;
import io.sparktune.store.SweepDirectory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Synchronous Hyperband, the driver side. A round starts every bracket of an iteration at once (the
 * searcher suggests all of their trials, so with tpe or gp this is BOHB-style), or advances every
 * bracket by one rung: of the records at a bracket's rung, the best ⌊n/η⌋ (at least one) resume from
 * their checkpoints up to the next rung, and the others end STOPPED there. The next iteration starts
 * when the last one has no paused trial left.
 */
final class Hyperband implements Rounds {
    private final SweepDirectory dir;
    private final Brackets brackets;
    private final int reductionFactor;

    Hyperband(SweepDirectory dir, Brackets brackets, int reductionFactor) {
        this.dir = dir;
        this.brackets = brackets;
        this.reductionFactor = reductionFactor;
    }

    @Override
    public Round next(List<TrialResult> paused, TrialSource trials) throws IOException {
        Map<List<Long>, List<TrialResult>> groups = new LinkedHashMap<>();
        for (TrialResult p : paused) {
            long budget = StepBudget.read(dir, p.id()).orElseThrow(() -> new IllegalStateException("trial " + p.id() + " paused with no budget"));
            groups.computeIfAbsent(List.of((long) brackets.groupOf(p.id()), budget), k -> new ArrayList<>()).add(p);
        }
        List<Trial> run = new ArrayList<>();
        List<TrialResult> stopped = new ArrayList<>();
        Rungs rungs = new Rungs(dir);
        for (Map.Entry<List<Long>, List<TrialResult>> group : groups.entrySet()) {
            int bracket = group.getKey().get(0).intValue();
            long budget = group.getKey().get(1);
            List<Rungs.Entry> recorded = rungs.at(budget).stream().filter(e -> brackets.groupOf(e.trialId()) == bracket).toList();
            Set<Integer> promoted = Halving.survivors(recorded, reductionFactor);
            for (TrialResult p : group.getValue()) {
                List<Long> steps = brackets.rungsOf(p.id());
                int rung = steps.indexOf(budget);
                if (promoted.contains(p.id()) && rung >= 0 && rung + 1 < steps.size()) {
                    StepBudget.write(dir, p.id(), steps.get(rung + 1));
                    run.add(Round.resume(p));
                } else {
                    stopped.add(Round.stop(p));
                }
            }
        }
        if (run.isEmpty()) {
            run.addAll(nextIteration(trials));
        }
        return new Round(run, stopped);
    }

    private List<Trial> nextIteration(TrialSource trials) throws IOException {
        List<Trial> fresh = trials.suggest(brackets.iterationSize());
        for (Trial trial : fresh) {
            StepBudget.write(dir, trial.id(), brackets.rungsOf(trial.id()).get(0));
        }
        return fresh;
    }
}
