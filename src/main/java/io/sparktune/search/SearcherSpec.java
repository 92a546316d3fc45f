package io.sparktune.search;

import io.sparktune.space.Space;

import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A searcher's options as {@link Searchers#validate} checked them, with the defaults filled in.
 * Driver side only: every run of a sweep, and every preview of one, makes its searcher from it
 * without reading the spec's options again.
 */
public sealed interface SearcherSpec {

    /** The searcher's name in a spec, for messages: "grid", "tpe". */
    String type();

    /** A searcher for one run of the sweep over {@code space}, the space this spec was validated against. */
    Searcher create(Space space, long seed);

    /**
     * The searchers that take no options; auto is gp with its defaults while it fits, tpe with its defaults beyond, and with
     * several objectives or constraints gp, nsga2 or tpe (see {@link ParetoAuto}).
     */
    enum Optionless implements SearcherSpec {
        GRID(GridSearcher::new),
        RANDOM(RandomSearcher::new),
        SOBOL(SobolSearcher::new),
        CMAES(CmaEsSearcher::new),
        AUTO((space, seed) -> new ParetoAuto(new AutoSearcher(GpOptions.defaults(space).create(space, seed),
                TpeOptions.DEFAULTS.create(space, seed), space.dimensions().size()),
                GpOptions.defaults(space).create(space, seed), TpeOptions.DEFAULTS.create(space, seed),
                new Nsga2Searcher(space, seed, Nsga2Searcher.DEFAULT_POPULATION),
                space.dimensions().size()));

        private final BiFunction<Space, Long, Searcher> maker;

        Optionless(BiFunction<Space, Long, Searcher> maker) {
            this.maker = maker;
        }

        @Override
        public String type() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public Searcher create(Space space, long seed) {
            return maker.apply(space, seed);
        }
    }

    record TpeOptions(int startup, int candidates, double priorWeight) implements SearcherSpec {
        static final TpeOptions DEFAULTS = new TpeOptions(TreeParzenSearcher.DEFAULT_STARTUP,
                TreeParzenSearcher.DEFAULT_CANDIDATES, TreeParzenSearcher.DEFAULT_PRIOR_WEIGHT);

        @Override
        public String type() {
            return "tpe";
        }

        @Override
        public Searcher create(Space space, long seed) {
            return new TreeParzenSearcher(space, seed, startup, candidates, priorWeight);
        }
    }

    record GpOptions(int initial, int maxPoints, int trustRegion) implements SearcherSpec {
        static GpOptions defaults(Space space) {
            return new GpOptions(GaussianProcessSearcher.defaultInitial(space), GaussianProcessSearcher.DEFAULT_MAX_POINTS, 0);
        }

        @Override
        public String type() {
            return "gp";
        }

        @Override
        public Searcher create(Space space, long seed) {
            return new GaussianProcessSearcher(space, seed, initial, maxPoints, trustRegion);
        }
    }

    record Nsga2Options(int population) implements SearcherSpec {
        @Override
        public String type() {
            return "nsga2";
        }

        @Override
        public Searcher create(Space space, long seed) {
            return new Nsga2Searcher(space, seed, population);
        }
    }
}
