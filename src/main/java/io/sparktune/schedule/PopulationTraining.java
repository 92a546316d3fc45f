package io.sparktune.schedule;

import io.sparktune.core.Config;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.store.Checkpoints;
import io.sparktune.store.Lineage;
import io.sparktune.store.Rungs;
import io.sparktune.store.StepBudget;
import io.sparktune.store.SweepDirectory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Population based training (Jaderberg et al.), synchronous, the driver side. The first round starts
 * the whole population (the sweep's trial budget) with a budget of {@code perturbationInterval}
 * steps. When a round ends, the paused trials are ranked by their rung records ({@link RungOrder}: by
 * loss, or by Pareto rank, crowding distance and hypervolume contribution with several objectives): each trial of the
 * bottom {@code quantile} ends STOPPED and is replaced by a new trial that continues from a copy of
 * the checkpoint of a trial of the top quantile (exploit) with that trial's config perturbed
 * (explore); its lineage is recorded. Everyone then trains another interval, up to maxSteps, where
 * the trials complete. Random choices come from the master seed, the trial and the step, so a
 * resumed driver makes the same clones.
 */
final class PopulationTraining implements Rounds {
    private final SweepDirectory dir;
    private final long maxSteps;
    private final long interval;
    private final double quantile;
    private final Exploration exploration;
    private final long seed;

    PopulationTraining(SweepDirectory dir, long maxSteps, long interval, double quantile, Exploration exploration, long seed) {
        this.dir = dir;
        this.maxSteps = maxSteps;
        this.interval = interval;
        this.quantile = quantile;
        this.exploration = exploration;
        this.seed = seed;
    }

    @Override
    public Round next(List<TrialResult> paused, TrialSource trials) throws IOException {
        if (paused.isEmpty()) {
            if (trials.created() > 0) {
                return Round.NONE;
            }
            List<Trial> population = trials.suggest(Integer.MAX_VALUE);
            for (Trial trial : population) {
                StepBudget.write(dir, trial.id(), Math.min(interval, maxSteps));
            }
            return new Round(population, List.of());
        }
        Map<Long, List<TrialResult>> byBudget = new TreeMap<>();
        for (TrialResult p : paused) {
            byBudget.computeIfAbsent(StepBudget.read(dir, p.id()).orElse(p.steps()), k -> new ArrayList<>()).add(p);
        }
        List<Trial> run = new ArrayList<>();
        List<TrialResult> stopped = new ArrayList<>();
        for (Map.Entry<Long, List<TrialResult>> group : byBudget.entrySet()) {
            long step = group.getKey();
            long nextBudget = Math.min(step + interval, maxSteps);
            List<TrialResult> ranked = ranked(group.getValue(), step);
            int cut = Math.min(ranked.size() / 2, (int) Math.ceil(ranked.size() * quantile));
            List<TrialResult> top = ranked.subList(0, cut);
            List<TrialResult> bottom = ranked.subList(ranked.size() - cut, ranked.size());
            for (TrialResult p : group.getValue().stream().sorted(Comparator.comparingInt(TrialResult::id)).toList()) {
                if (bottom.contains(p)) {
                    SplittableRandom random = new SplittableRandom(seed ^ (p.id() * 0x9E3779B97F4A7C15L) ^ (step * 0xC2B2AE3D27D4EB4FL));
                    TrialResult donor = top.get(random.nextInt(top.size()));
                    run.add(clone(donor, exploration.around(donor.config(), random), nextBudget, trials));
                    stopped.add(Round.stop(p));
                } else {
                    StepBudget.write(dir, p.id(), nextBudget);
                    run.add(Round.resume(p));
                }
            }
        }
        return new Round(run, stopped);
    }

    /** Best first by the records at the rung; a trial with no record there ranks last. */
    private List<TrialResult> ranked(List<TrialResult> group, long step) throws IOException {
        List<Integer> order = RungOrder.bestFirst(new Rungs(dir).at(step));
        return group.stream().sorted(Comparator.<TrialResult>comparingInt(p -> order.contains(p.id()) ? order.indexOf(p.id()) : Integer.MAX_VALUE)
                .thenComparingInt(TrialResult::id)).toList();
    }

    private Trial clone(TrialResult donor, Config config, long budget, TrialSource trials) throws IOException {
        Trial clone = trials.create(config);
        long from = new Checkpoints(dir, donor.id()).copyLatestTo(new Checkpoints(dir, clone.id()))
                .map(Checkpoints.Saved::step).orElse(0L);
        new Lineage(clone.id(), donor.id(), from, donor.config(), config).write(dir);
        StepBudget.write(dir, clone.id(), budget);
        return clone;
    }
}
