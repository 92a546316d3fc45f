package io.sparktune.search;

import io.sparktune.space.Space;

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

    record GridOptions() implements SearcherSpec {
        @Override
        public String type() {
            return "grid";
        }

        @Override
        public Searcher create(Space space, long seed) {
            return new GridSearcher(space, seed);
        }
    }

    record RandomOptions() implements SearcherSpec {
        @Override
        public String type() {
            return "random";
        }

        @Override
        public Searcher create(Space space, long seed) {
            return new RandomSearcher(space, seed);
        }
    }

    record SobolOptions() implements SearcherSpec {
        @Override
        public String type() {
            return "sobol";
        }

        @Override
        public Searcher create(Space space, long seed) {
            return new SobolSearcher(space, seed);
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

    record GpOptions(int initial, int maxPoints) implements SearcherSpec {
        static GpOptions defaults(Space space) {
            return new GpOptions(GaussianProcessSearcher.defaultInitial(space), GaussianProcessSearcher.DEFAULT_MAX_POINTS);
        }

        @Override
        public String type() {
            return "gp";
        }

        @Override
        public Searcher create(Space space, long seed) {
            return new GaussianProcessSearcher(space, seed, initial, maxPoints);
        }
    }

    record EvolutionOptions(int population, int sample) implements SearcherSpec {
        @Override
        public String type() {
            return "evolution";
        }

        @Override
        public Searcher create(Space space, long seed) {
            return new EvolutionSearcher(space, seed, population, sample);
        }
    }

    /** gp with its defaults while it fits, tpe with its defaults beyond: see {@link AutoSearcher}. */
    record AutoOptions() implements SearcherSpec {
        @Override
        public String type() {
            return "auto";
        }

        @Override
        public Searcher create(Space space, long seed) {
            return new AutoSearcher(GpOptions.defaults(space).create(space, seed), TpeOptions.DEFAULTS.create(space, seed),
                    space.dimensions().size());
        }
    }
}
