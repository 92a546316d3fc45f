package io.sparktune.train.xgboost;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.data.DataSpec;
import io.sparktune.space.Space;
import io.sparktune.train.Options;
import io.sparktune.train.TrainableSpec;
import io.sparktune.train.TrainableType;

import java.util.Set;

/**
 * Gradient-boosted trees: {@code {"type": "xgboost", "task": "classification", "data": {...},
 * "reportEvery": 1, "checkpointEvery": 10}}, with an optional {@code objective} naming XGBoost's own.
 * The driver reads the data once and broadcasts it; each trial boosts its own trees from its config.
 */
public final class XGBoostType implements TrainableType {
    private static final Set<String> OPTIONS = Set.of("data", "task", "objective", "reportEvery", "checkpointEvery");

    @Override
    public String name() {
        return "xgboost";
    }

    @Override
    public TrainableSpec validate(PluginSpec spec, Space space, String path) {
        Options options = new Options(spec, path).allow(OPTIONS);
        DataSpec data = DataSpec.parse(spec.options().get("data"), path + ".data");
        Object task = spec.options().get("task");
        if (task != null && !task.equals("classification") && !task.equals("regression")) {
            throw new InvalidInputException(null, options.path("task"), "expected classification or regression, got " + PluginSpec.show(task));
        }
        Loss objective = objective(options, task);
        boolean classification = objective != null ? objective.classification() : !"regression".equals(task);
        int reportEvery = rounds(options, "reportEvery", 1);
        int checkpointEvery = rounds(options, "checkpointEvery", 10);
        BoosterParameters.validate(space);
        return new BoosterOptions(data, classification, objective, reportEvery, checkpointEvery);
    }

    /** The explicit objective, or null to take it from the task and the labels. */
    private static Loss objective(Options options, Object task) {
        String name = options.optionalString("objective");
        if (name == null) {
            return null;
        }
        Loss loss = Loss.named(name).orElseThrow(() -> new InvalidInputException(null, options.path("objective"),
                "unknown objective '" + name + "' (expected one of " + String.join(", ", Loss.objectives()) + ")"));
        if (task != null && loss.classification() != task.equals("classification")) {
            throw new InvalidInputException(null, options.path("objective"), name + " is not a " + task + " objective");
        }
        return loss;
    }

    private static int rounds(Options options, String key, int fallback) {
        double value = options.number(key, fallback, 1);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new InvalidInputException(null, options.path(key), "expected a whole number of rounds >= 1, got " + value);
        }
        return (int) value;
    }
}
