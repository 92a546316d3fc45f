package io.sparktune.train.djl;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.data.DataSpec;
import io.sparktune.space.Space;
import io.sparktune.train.Options;
import io.sparktune.train.TrainableSpec;
import io.sparktune.train.TrainableType;

import java.util.Set;

/**
 * A DJL network trainable: {@code {"type": "mlp", "task": "classification", "data": {...}}}. The
 * driver reads the data once and broadcasts it; each trial builds its network from its config.
 */
abstract class NetworkType implements TrainableType {
    private static final Set<String> OPTIONS = Set.of("data", "task");

    private final Architecture architecture;

    NetworkType(Architecture architecture) {
        this.architecture = architecture;
    }

    @Override
    public String name() {
        return architecture.label();
    }

    @Override
    public TrainableSpec validate(PluginSpec spec, Space space, String path) {
        new Options(spec, path).allow(OPTIONS);
        DataSpec data = DataSpec.parse(spec.options().get("data"), path + ".data");
        boolean classification = classification(spec, path);
        Hyperparameters.validate(space, architecture);
        return new NetworkOptions(architecture, data, classification);
    }

    private static boolean classification(PluginSpec spec, String path) {
        Object task = spec.options().getOrDefault("task", "classification");
        if (!task.equals("classification") && !task.equals("regression")) {
            throw new InvalidInputException(null, path + ".task", "expected classification or regression, got " + task);
        }
        return task.equals("classification");
    }
}
