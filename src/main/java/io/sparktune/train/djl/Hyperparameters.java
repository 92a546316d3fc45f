package io.sparktune.train.djl;

import io.sparktune.core.Config;
import io.sparktune.space.Space;
import io.sparktune.train.KnownParameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hyperparameters a network trial reads from its config, each with a default, so a space names
 * only those it searches.
 *
 * @param hiddenSizes units of each hidden layer (the MLP), or of the one dense layer after the convolutions (the CNN)
 * @param layers      convolution blocks of the CNN, each with twice the filters of the one before
 */
public record Hyperparameters(double lr, String optimizer, double momentum, double weightDecay, int batchSize, int epochs,
                              double dropout, List<Integer> hiddenSizes, int layers, String activation, int filters,
                              int kernel) {
    static final List<String> OPTIMIZERS = List.of("adam", "adamw", "sgd");
    static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "gelu");
    private static final Set<String> COMMON = Set.of("lr", "optimizer", "momentum", "weight_decay", "batch_size", "epochs",
            "dropout", "layers", "hidden", "activation");
    /** Read as whole numbers: a fraction drawn for one would be cut without a word. */
    private static final Set<String> WHOLE = Set.of("batch_size", "epochs", "layers", "hidden", "filters", "kernel");

    /** The parameter names {@code architecture} understands; any other name in a space is a mistake. */
    static Set<String> names(Architecture architecture) {
        Set<String> names = new TreeSet<>(COMMON);
        names.addAll(architecture == Architecture.MLP ? Set.of("hidden_sizes") : Set.of("filters", "kernel"));
        return Collections.unmodifiableSet(names);
    }

    /** Rejects parameters the trainable would ignore, fractions for whole numbers, and optimizer or activation names it does not know. */
    static void validate(Space space, Architecture architecture) {
        new KnownParameters(architecture.label(), names(architecture), Map.of("optimizer", OPTIMIZERS, "activation", ACTIVATIONS), WHOLE)
                .check(space);
    }

    /** The values of one trial; a value out of range fails the trial with a message that names it. */
    public static Hyperparameters of(Config config) {
        String optimizer = config.getString("optimizer", "adam");
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new IllegalArgumentException("optimizer must be one of " + OPTIMIZERS + ", got " + optimizer);
        }
        String activation = config.getString("activation", "relu");
        if (!ACTIVATIONS.contains(activation)) {
            throw new IllegalArgumentException("activation must be one of " + ACTIVATIONS + ", got " + activation);
        }
        double dropout = config.getDouble("dropout", 0);
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        double lr = positive(config, "lr", 1e-3);
        List<Integer> hidden = new ArrayList<>();
        if (config.has("hidden_sizes")) {
            if (!(config.get("hidden_sizes") instanceof List<?> sizes) || sizes.isEmpty()) {
                throw new IllegalArgumentException("hidden_sizes must be a list of layer widths such as [256, 128], got "
                        + config.get("hidden_sizes"));
            }
            for (Object size : sizes) {
                if (!(size instanceof Number n) || n.intValue() < 1 || n.doubleValue() != n.intValue()) {
                    throw new IllegalArgumentException("hidden_sizes must hold whole numbers >= 1, got " + sizes);
                }
                hidden.add(((Number) size).intValue());
            }
        }
        int layers = (int) positive(config, "layers", 2);
        int units = (int) positive(config, "hidden", 128);
        if (hidden.isEmpty()) {
            hidden.addAll(Collections.nCopies(layers, units));
        }
        return new Hyperparameters(lr, optimizer, config.getDouble("momentum", 0.9),
                config.getDouble("weight_decay", optimizer.equals("adamw") ? 0.01 : 0),
                (int) positive(config, "batch_size", 64), (int) positive(config, "epochs", 10), dropout,
                List.copyOf(hidden), layers, activation, (int) positive(config, "filters", 32), (int) positive(config, "kernel", 3));
    }

    private static double positive(Config config, String name, double fallback) {
        double value = config.getDouble(name, fallback);
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }
}
