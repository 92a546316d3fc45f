package io.sparktune.train.function;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.train.Options;
import io.sparktune.train.TrainableSpec;
import io.sparktune.train.TrainableType;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code {"type":"function","function":"branin","steps":10,"stepSeconds":0.05}}. */
public final class FunctionType implements TrainableType {

    @Override
    public String name() {
        return "function";
    }

    @Override
    public TrainableSpec validate(PluginSpec spec, Space space, String path) {
        Options options = new Options(spec, path).allow(Set.of("function", "steps", "stepSeconds", "checkpoint", "curveSpread"));
        BenchmarkFunction function = function(options);
        FunctionOptions parsed = new FunctionOptions(function, (long) options.number("steps", 1, 1),
                options.number("stepSeconds", 0, 0), options.flag("checkpoint"), options.number("curveSpread", 0, 0));
        Set<String> names = space.params().stream().map(p -> p.name()).collect(Collectors.toSet());
        String mismatch = function.mismatch(names);
        if (mismatch != null) {
            throw new InvalidInputException(null, "params", mismatch);
        }
        // A text or boolean input would fail every trial at run time; refuse it before anything starts.
        for (Parameter p : space.params()) {
            if (function.inputs(names).contains(p.name())) {
                p.domain().gridValues().stream().filter(v -> !(v instanceof Number)).findFirst().ifPresent(v -> {
                    throw new InvalidInputException(null, "params." + p.name(),
                            function.label() + " needs a number here, got " + PluginSpec.show(v));
                });
            }
        }
        return parsed;
    }

    private static BenchmarkFunction function(Options options) {
        String name = options.requiredString("function");
        BenchmarkFunction function = BenchmarkFunction.byLabel(name);
        if (function == null) {
            throw new InvalidInputException(null, options.path("function"), "unknown function '" + name + "' (expected one of "
                    + Arrays.stream(BenchmarkFunction.values()).map(BenchmarkFunction::label).collect(Collectors.joining(", ")) + ")");
        }
        return function;
    }
}
