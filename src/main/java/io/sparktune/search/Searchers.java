package io.sparktune.search;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;

import java.util.List;

/** The searchers a spec can name, and the checks a spec passes before any of them is made. */
public final class Searchers {
    private static final List<String> TYPES = List.of("grid", "random", "sobol", "tpe", "gp", "evolution", "auto");

    private Searchers() {
    }

    public static List<String> types() {
        return TYPES;
    }

    /** The type a spec gets when it names none: a grid for spaces of lists, {@code auto} otherwise. */
    public static String defaultFor(Space space) {
        return space.isFinite() ? "grid" : "auto";
    }

    public static void validate(PluginSpec spec, Space space, String path) {
        if (!TYPES.contains(spec.type())) {
            throw new InvalidInputException(null, path + ".type",
                    "unknown searcher '" + spec.type() + "' (expected one of " + String.join(", ", TYPES) + ")");
        }
        if (spec.type().equals("sobol") && space.dimensions().size() > SobolSearcher.MAX_DIMENSIONS) {
            throw new InvalidInputException(null, path + ".type",
                    "sobol handles at most " + SobolSearcher.MAX_DIMENSIONS + " parameters");
        }
        build(spec, space, 0, path);
    }

    public static Searcher create(PluginSpec spec, Space space, long seed) {
        return build(spec, space, seed, "searcher");
    }

    private static Searcher build(PluginSpec spec, Space space, long seed, String path) {
        return switch (spec.type()) {
            case "grid" -> {
                new SearcherOptions(spec, path, List.of());
                yield new GridSearcher(space, seed);
            }
            case "random" -> {
                new SearcherOptions(spec, path, List.of());
                yield new RandomSearcher(space, seed);
            }
            case "sobol" -> {
                new SearcherOptions(spec, path, List.of());
                yield new SobolSearcher(space, seed);
            }
            case "gp" -> {
                SearcherOptions options = new SearcherOptions(spec, path, List.of("initial", "maxPoints"));
                yield new GaussianProcessSearcher(space, seed,
                        options.integer("initial", GaussianProcessSearcher.defaultInitial(space), 1),
                        options.integer("maxPoints", GaussianProcessSearcher.DEFAULT_MAX_POINTS, 20));
            }
            case "evolution" -> {
                SearcherOptions options = new SearcherOptions(spec, path, List.of("population", "sample"));
                int population = options.integer("population", EvolutionSearcher.DEFAULT_POPULATION, 2);
                int sample = options.integer("sample", Math.min(EvolutionSearcher.DEFAULT_SAMPLE, population), 1);
                if (sample > population) {
                    throw options.invalid("sample", "must not exceed population (" + population + "), got " + sample);
                }
                yield new EvolutionSearcher(space, seed, population, sample);
            }
            case "auto" -> {
                new SearcherOptions(spec, path, List.of());
                yield new AutoSearcher(build(PluginSpec.of("gp"), space, seed, path), build(PluginSpec.of("tpe"), space, seed, path),
                        space.dimensions().size());
            }
            case "tpe" -> {
                SearcherOptions options = new SearcherOptions(spec, path, List.of("startup", "candidates", "priorWeight"));
                yield new TreeParzenSearcher(space, seed,
                        options.integer("startup", TreeParzenSearcher.DEFAULT_STARTUP, 1),
                        options.integer("candidates", TreeParzenSearcher.DEFAULT_CANDIDATES, 1),
                        options.number("priorWeight", TreeParzenSearcher.DEFAULT_PRIOR_WEIGHT, 0));
            }
            default -> throw new IllegalArgumentException("unknown searcher " + spec.type());
        };
    }
}
