package io.sparktune.train;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;
import org.apache.spark.SparkContext;

import java.io.IOException;
import java.io.Serializable;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the {@link TrainableType} that a spec names. */
public final class Trainables {
    private Trainables() {
    }

    /** Scanning the classpath for services takes milliseconds, and every trial needs its type: scan once. */
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

    private static Map<String, TrainableType> types() {
        return Registry.TYPES;
    }

    public static void validate(PluginSpec spec, Space space, String path) {
        Map<String, TrainableType> types = types();
        TrainableType type = types.get(spec.type());
        if (type == null) {
            throw new InvalidInputException(null, path + ".type",
                    "unknown trainable '" + spec.type() + "' (expected one of " + String.join(", ", types.keySet()) + ")");
        }
        type.validate(spec, space, path);
    }

    /** On the driver, before trials start: see {@link TrainableType#prepare}. */
    public static Serializable prepare(PluginSpec spec, SparkContext sc) throws IOException {
        return type(spec).prepare(spec, sc);
    }

    /** See {@link TrainableType#executorResources}. */
    public static List<String> executorResources(PluginSpec spec) {
        return type(spec).executorResources();
    }

    public static Trainable create(PluginSpec spec, Serializable prepared) {
        return type(spec).create(spec, prepared);
    }

    private static TrainableType type(PluginSpec spec) {
        TrainableType type = types().get(spec.type());
        if (type == null) {
            throw new IllegalArgumentException("no trainable type '" + spec.type() + "' on this classpath");
        }
        return type;
    }
}
