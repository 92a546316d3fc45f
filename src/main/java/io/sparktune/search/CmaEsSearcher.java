package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;
import io.sparktune.core.Trial;
import io.sparktune.space.Choice;
import io.sparktune.space.Domain;
import io.sparktune.space.IntRange;
import io.sparktune.space.Space;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CMA-ES with IPOP restarts ({@link CmaEvolutionStrategy}) over the unit cube of the space. The
 * observations, in the order the history lists them (the journal's, so a resumed sweep replays them
 * alike), are told to the strategy a generation (lambda of them) at a time; trial i samples the
 * distribution those told generations left, with randomness from (seed, i). Asking for three configs
 * at once therefore gives the three that three separate calls would.
 *
 * <p>The state is kept between calls only as a cache: it is rebuilt from the history whenever the
 * history is not the cached one grown at its end, so the searcher stays a function of (space, seed,
 * history) while a long sweep pays for each observation once.
 */
final class CmaEsSearcher implements Searcher {
    /** Above this many levels an integer or a list is as good as continuous, and gets no floor. */
    private static final int MAX_DISCRETE_LEVELS = 1000;

    private final UnitEncoding encoding;
    private final long seed;
    private final double[] minStd;
    private Replay replay;

    CmaEsSearcher(Space space, long seed) {
        this.encoding = new UnitEncoding(space);
        this.seed = seed;
        this.minStd = new double[encoding.dimensions()];
        for (Space.Dimension dim : space.dimensions()) {
            int levels = levels(dim.parameter().domain());
            minStd[dim.index()] = levels >= 2 && levels <= MAX_DISCRETE_LEVELS ? 1.0 / (3.0 * levels) : 0;
        }
    }

    private static int levels(Domain domain) {
        if (domain instanceof IntRange range) {
            return (int) Math.min(Integer.MAX_VALUE, range.high() - range.low() + 1);
        }
        if (domain instanceof Choice choice) {
            return choice.options().size();
        }
        return domain.gridValues().size();
    }

    @Override
    public boolean learns() {
        return true;
    }

    @Override
    public List<Config> suggest(int count, History history) {
        CmaEvolutionStrategy strategy = strategyFor(history.observations());
        List<Config> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SplittableRandom random = new SplittableRandom(Trial.seedFor(seed, history.created() + i));
            out.add(encoding.decode(strategy.sample(random)));
        }
        return out;
    }

    /** The strategy after every complete generation of {@code observations}. */
    CmaEvolutionStrategy strategyFor(List<Observation> observations) {
        if (replay == null || !replay.continuedBy(observations)) {
            replay = new Replay(new CmaEvolutionStrategy(minStd, seed));
        }
        replay.tellUpTo(observations, encoding);
        return replay.strategy;
    }

    /** The strategy, the trial ids told or buffered so far in order, and the generation being filled. */
    private static final class Replay {
        final CmaEvolutionStrategy strategy;
        final List<Integer> ids = new ArrayList<>();
        final List<double[]> points = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();

        Replay(CmaEvolutionStrategy strategy) {
            this.strategy = strategy;
        }

        boolean continuedBy(List<Observation> observations) {
            if (observations.size() < ids.size()) {
                return false;
            }
            for (int i = 0; i < ids.size(); i++) {
                if (observations.get(i).trialId() != ids.get(i)) {
                    return false;
                }
            }
            return true;
        }

        void tellUpTo(List<Observation> observations, UnitEncoding encoding) {
            for (int i = ids.size(); i < observations.size(); i++) {
                Observation o = observations.get(i);
                ids.add(o.trialId());
                points.add(encoding.encode(o.config()));
                losses.add(o.loss());
                if (points.size() == strategy.lambda()) {
                    strategy.tell(points.toArray(double[][]::new), losses.stream().mapToDouble(Double::doubleValue).toArray());
                    points.clear();
                    losses.clear();
                }
            }
        }
    }
}
