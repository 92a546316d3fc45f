package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;
import io.sparktune.core.Trial;
import io.sparktune.space.Space;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Regularised evolution (Real et al. 2019): the population is the most recent {@code population}
 * finished trials; each child mutates the best of a random sample of them. Ageing out the oldest
 * rather than the worst keeps a lucky early result from dominating for ever, which suits noisy
 * objectives. No model, so it costs nothing per suggestion and ignores the space's dimension.
 */
final class EvolutionSearcher implements Searcher {
    static final int DEFAULT_POPULATION = 20;
    static final int DEFAULT_SAMPLE = 5;
    private static final double MUTATION_STEP = 0.1;

    private final UnitEncoding encoding;
    private final long seed;
    private final int population;
    private final int sample;
    private final SobolSearcher design;
    private final Perturbation perturbation;

    EvolutionSearcher(Space space, long seed, int population, int sample) {
        this.encoding = new UnitEncoding(space);
        this.seed = seed;
        this.population = population;
        this.sample = sample;
        this.design = new SobolSearcher(space, seed);
        this.perturbation = new Perturbation(encoding);
    }

    @Override
    public boolean learns() {
        return true;
    }

    @Override
    public List<Config> suggest(int count, History history) {
        List<Observation> recent = new ArrayList<>(history.observations());
        recent.sort(Comparator.comparingInt(Observation::trialId));
        recent = recent.subList(Math.max(0, recent.size() - population), recent.size());
        List<Config> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int trial = history.created() + i;
            out.add(recent.size() < population ? design.pointAt(trial) : child(recent, trial));
        }
        return out;
    }

    private Config child(List<Observation> recent, int trial) {
        SplittableRandom random = new SplittableRandom(Trial.seedFor(seed, trial));
        Observation parent = null;
        for (int i = 0; i < sample; i++) {
            Observation candidate = recent.get(random.nextInt(recent.size()));
            if (parent == null || candidate.loss() < parent.loss()) {
                parent = candidate;
            }
        }
        return encoding.decode(perturbation.around(encoding.encode(parent.config()), MUTATION_STEP, random));
    }
}
