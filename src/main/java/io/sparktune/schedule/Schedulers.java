package io.sparktune.schedule;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;

import java.util.List;

/** The schedulers a spec can name. */
public final class Schedulers {
    private static final List<String> TYPES = List.of("fifo");

    private Schedulers() {
    }

    public static List<String> types() {
        return TYPES;
    }

    public static void validate(PluginSpec spec, String path) {
        if (!TYPES.contains(spec.type())) {
            throw new InvalidInputException(null, path + ".type",
                    "unknown scheduler '" + spec.type() + "' (expected one of " + String.join(", ", TYPES) + ")");
        }
        if (!spec.options().isEmpty()) {
            throw new InvalidInputException(null, path + "." + spec.options().keySet().iterator().next(),
                    "unknown option for scheduler '" + spec.type() + "'");
        }
    }

    public static Scheduler create(PluginSpec spec) {
        return new FifoScheduler();
    }
}
