package io.sparktune.train.problem;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;
import io.sparktune.train.Options;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableSpec;
import io.sparktune.train.TrainableType;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code {"type": "problem", "problem": "zdt1"}}: a multi-objective test problem as a trial, on parameters x0..x(d-1). */
public final class ProblemType implements TrainableType {

    @Override
    public String name() {
        return "problem";
    }

    @Override
    public TrainableSpec validate(PluginSpec spec, Space space, String path) {
        Options options = new Options(spec, path).allow(Set.of("problem"));
        String name = options.requiredString("problem");
        TestProblem problem = TestProblem.byLabel(name);
        if (problem == null) {
            throw new InvalidInputException(null, options.path("problem"), "unknown problem '" + name + "' (expected one of "
                    + Arrays.stream(TestProblem.values()).map(TestProblem::label).collect(Collectors.joining(", ")) + ")");
        }
        Set<String> defined = space.params().stream().map(p -> p.name()).collect(Collectors.toSet());
        int d = 0;
        while (defined.contains("x" + d)) {
            d++;
        }
        if (d < problem.minDimensions()) {
            throw new InvalidInputException(null, "params", problem.label() + " needs parameters x0..x" + (problem.minDimensions() - 1)
                    + " at least (the space defines " + d + " of them)");
        }
        return new Problem(problem, d);
    }

    /** The problem on inputs x0..x(dimensions-1). */
    record Problem(TestProblem problem, int dimensions) implements TrainableSpec {
        @Override
        public Trainable create(Serializable prepared) {
            return (config, context) -> {
                double[] x = new double[dimensions];
                for (int i = 0; i < dimensions; i++) {
                    x[i] = config.getDouble("x" + i);
                }
                return problem.evaluate(x);
            };
        }
    }
}
