package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.space.Choice;
import io.sparktune.space.IntRange;
import io.sparktune.space.LogUniform;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;
import io.sparktune.train.function.BenchmarkFunction;

import java.util.ArrayList;
import java.util.List;

/** Spaces and objectives that the searcher tests share. */
final class Spaces {
    private Spaces() {
    }

    /** x0 ... x(d-1), each uniform on [0, 1]. */
    static Space unitCube(int d) {
        List<Parameter> params = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            params.add(new Parameter("x" + j, new Uniform(0, 1)));
        }
        return new Space(params);
    }

    static Space branin() {
        return new Space(List.of(new Parameter("x0", new Uniform(-5, 10)), new Parameter("x1", new Uniform(0, 15))));
    }

    static double braninRegret(Config config) {
        return BenchmarkFunction.BRANIN.evaluate(config, 0) - BenchmarkFunction.BRANIN.minimum();
    }

    /** A learning rate on a log scale, an integer, and an optimiser whose options bring their own parameters. */
    static Space mixed() {
        return new Space(List.of(
                new Parameter("lr", new LogUniform(1e-4, 1e-1)),
                new Parameter("layers", new IntRange(1, 8, false)),
                new Parameter("optimizer", new Choice(List.of(
                        new Choice.Option("sgd", List.of(new Parameter("momentum", new Uniform(0, 0.99)))),
                        new Choice.Option("adam", List.of(new Parameter("beta1", new Uniform(0.8, 0.999)))),
                        new Choice.Option("rmsprop", List.of()))))));
    }

    /** Lowest for adam with lr near 3e-3, 3 layers and beta1 near 0.9. */
    static double mixedLoss(Config config) {
        double lr = Math.log10(config.getDouble("lr")) + 2.5;
        double layers = (config.getLong("layers") - 3) / 4.0;
        double optimizer = switch (config.getString("optimizer")) {
            case "adam" -> 10 * Math.abs(config.getDouble("beta1") - 0.9);
            case "sgd" -> 1 + config.getDouble("momentum");
            default -> 1.5;
        };
        return lr * lr + layers * layers + optimizer;
    }
}
