package io.sparktune.bench;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialStatus;
import io.sparktune.search.Searcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * A sweep without Spark: keeps {@code parallelism} trials pending, lets a random one of them finish,
 * observes it and asks for a replacement, as the engine does when slots free up.
 */
public final class SweepSimulation {
    private final Searcher searcher;
    private final ToDoubleFunction<Config> loss;
    private final List<Long> suggestNanos = new ArrayList<>();
    private final History history = new History();
    private Config incumbent;
    private double incumbentLoss = Double.POSITIVE_INFINITY;

    public SweepSimulation(Searcher searcher, ToDoubleFunction<Config> loss) {
        this.searcher = searcher;
        this.loss = loss;
    }

    /** The lowest loss among the trials this call runs, until {@code budget} trials exist in all. */
    public double run(int budget, int parallelism, long seed) {
        Map<Integer, Config> running = new LinkedHashMap<>();
        SplittableRandom finishing = new SplittableRandom(seed);
        double best = Double.POSITIVE_INFINITY;
        while (history.created() < budget || !running.isEmpty()) {
            int free = Math.min(parallelism - running.size(), budget - history.created());
            if (free > 0) {
                long start = System.nanoTime();
                List<Config> configs = searcher.suggest(free, history);
                suggestNanos.add(System.nanoTime() - start);
                for (Config config : configs) {
                    int id = history.created();
                    history.started(id, config, searcher.learns());
                    running.put(id, config);
                }
            }
            List<Integer> ids = new ArrayList<>(running.keySet());
            int id = ids.get(finishing.nextInt(ids.size()));
            double value = finish(id, running.remove(id));
            if (value < best) {
                best = value;
            }
        }
        return best;
    }

    /**
     * Bayesmark's protocol instead: {@code roundSize} configs asked at once, all of them run and told before
     * the next round is asked, until {@code budget} trials exist. Returns the lowest loss among them.
     */
    public double runInRounds(int budget, int roundSize) {
        double best = Double.POSITIVE_INFINITY;
        while (history.created() < budget) {
            long start = System.nanoTime();
            List<Config> configs = searcher.suggest(Math.min(roundSize, budget - history.created()), history);
            suggestNanos.add(System.nanoTime() - start);
            Map<Integer, Config> round = new LinkedHashMap<>();
            for (Config config : configs) {
                int id = history.created();
                history.started(id, config, searcher.learns());
                round.put(id, config);
            }
            for (Map.Entry<Integer, Config> trial : round.entrySet()) {
                double value = finish(trial.getKey(), trial.getValue());
                if (value < best) {
                    best = value;
                }
            }
        }
        return best;
    }

    /** Runs one trial and tells the searcher its loss, which it returns. */
    private double finish(int id, Config config) {
        double value = loss.applyAsDouble(config);
        if (value < incumbentLoss) {
            incumbent = config;
            incumbentLoss = value;
        }
        history.finished(id);
        if (searcher.learns()) {
            history.observe(new Observation(id, config, value, TrialStatus.COMPLETED, 1));
        }
        return value;
    }

    /** The config with the lowest loss seen so far: what a user of a noisy objective would pick. */
    public Config incumbent() {
        return incumbent;
    }

    /** What the searcher was last asked with: every trial finished and observed. */
    public History history() {
        return history;
    }

    List<Long> suggestNanos() {
        return suggestNanos;
    }
}
