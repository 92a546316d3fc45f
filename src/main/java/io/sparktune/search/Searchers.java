package io.sparktune.search;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;

import java.util.List;
import java.util.Set;

/** The searchers a spec can name, and the checks a spec passes before any of them is made. */
public final class Searchers {
    private static final List<String> TYPES = List.of("grid", "random", "sobol");

    private Searchers() {
    }

    public static List<String> types() {
        return TYPES;
    }

    /** The type a spec gets when it names none: a grid for spaces of lists, random sampling otherwise. */
    public static String defaultFor(Space space) {
        return space.isFinite() ? "grid" : "random";
    }

    public static void validate(PluginSpec spec, Space space, String path) {
        if (!TYPES.contains(spec.type())) {
            throw new InvalidInputException(null, path + ".type",
                    "unknown searcher '" + spec.type() + "' (expected one of " + String.join(", ", TYPES) + ")");
        }
        Set<String> unknown = spec.options().keySet();
        if (!unknown.isEmpty()) {
            String key = unknown.iterator().next();
            throw new InvalidInputException(null, path + "." + key, "unknown option for searcher '" + spec.type() + "'");
        }
        if (spec.type().equals("sobol") && space.dimensions().size() > SobolSearcher.MAX_DIMENSIONS) {
            throw new InvalidInputException(null, path + ".type",
                    "sobol handles at most " + SobolSearcher.MAX_DIMENSIONS + " parameters");
        }
    }

    public static Searcher create(PluginSpec spec, Space space, long seed) {
        return switch (spec.type()) {
            case "grid" -> new GridSearcher(space, seed);
            case "random" -> new RandomSearcher(space, seed);
            case "sobol" -> new SobolSearcher(space, seed);
            default -> throw new IllegalArgumentException("unknown searcher " + spec.type());
        };
    }
}
