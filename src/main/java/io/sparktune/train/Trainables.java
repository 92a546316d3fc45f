package io.sparktune.train;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the {@link TrainableType} that a spec names, and has it validate the options. */
public final class Trainables {
    private Trainables() {
    }

    /** Scanning the classpath for services takes milliseconds: scan once. */
    private static final class Registry {
        static final Map<String, TrainableType> TYPES = scan();

        private static Map<String, TrainableType> scan() {
            Map<String, TrainableType> types = new TreeMap<>();
            for (TrainableType type : ServiceLoader.load(TrainableType.class, Trainables.class.getClassLoader())) {
                types.put(type.name(), type);
            }
            // Not Map.copyOf: its order changes from one JVM to the next, and messages list these names.
            return Collections.unmodifiableMap(types);
        }
    }

    public static TrainableSpec validate(PluginSpec spec, Space space, String path) {
        Map<String, TrainableType> types = Registry.TYPES;
        TrainableType type = types.get(spec.type());
        if (type == null) {
            throw new InvalidInputException(null, path + ".type",
                    "unknown trainable '" + spec.type() + "' (expected one of " + String.join(", ", types.keySet()) + ")");
        }
        return type.validate(spec, space, path);
    }
}
