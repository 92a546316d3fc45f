package io.sparktune.train.sparkml;

import io.sparktune.core.Config;
import io.sparktune.core.InvalidInputException;
import io.sparktune.space.Domain;
import io.sparktune.space.IntRange;
import io.sparktune.space.LogUniform;
import io.sparktune.space.Normal;
import io.sparktune.space.QUniform;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A space's parameters as an estimator's Spark ML {@link Param}s, by name: checked once against
 * the estimator's real params and value types, then turned into a {@link ParamMap} per trial.
 */
public final class EstimatorParams {
    private EstimatorParams() {
    }

    /**
     * Refuses a space parameter that {@code estimator} has no tunable param of that name for, or
     * whose values the param's type or its own validator refuses, naming {@code params.<name>}.
     */
    public static void check(Params estimator, Space space) {
        String owner = estimator.getClass().getSimpleName();
        for (Space.Dimension dimension : space.dimensions()) {
            String name = dimension.parameter().name();
            String path = "params." + dimension.key().replace('/', '.');
            if (!estimator.hasParam(name) || ParamKind.of(estimator.getParam(name)).isEmpty()) {
                throw new InvalidInputException(null, path, owner + " has no param '" + name + "' (known: " + known(estimator) + ")");
            }
            Param<Object> param = typed(estimator.getParam(name));
            ParamKind kind = ParamKind.of(param).orElseThrow();
            for (Object value : probes(dimension.parameter().domain())) {
                Object converted;
                try {
                    converted = kind.convert(value);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new InvalidInputException(null, path, owner + "." + name + " is " + article(kind) + " param: " + e.getMessage());
                }
                if (!(Boolean) param.isValid().apply(converted)) {
                    throw new InvalidInputException(null, path, owner + "." + name + " does not take " + value + " (" + param.doc() + ")");
                }
            }
        }
    }

    /** The trial's values as a param map of {@code estimator}; names and types were checked by {@link #check}. */
    public static ParamMap paramMap(Params estimator, Config config) {
        ParamMap map = new ParamMap();
        config.values().forEach((name, value) -> {
            Param<Object> param = typed(estimator.getParam(name));
            map.put(param, ParamKind.of(param).orElseThrow().convert(value));
        });
        return map;
    }

    /** The estimator's params a space can set, in Spark's order (by name). */
    static String known(Params estimator) {
        return Arrays.stream(estimator.params()).filter(p -> ParamKind.of(p).isPresent()).map(Param::name)
                .collect(Collectors.joining(", "));
    }

    @SuppressWarnings("unchecked")
    static Param<Object> typed(Param<?> param) {
        return (Param<Object>) param;
    }

    /** Values that stand for the domain: its ends for ranges (a param's validator is a range), every value of a list. */
    private static List<Object> probes(Domain domain) {
        if (domain instanceof Uniform u) {
            return List.of(u.low(), u.high());
        }
        if (domain instanceof LogUniform u) {
            return List.of(u.low(), u.high());
        }
        if (domain instanceof QUniform u) {
            return List.of(u.low(), u.high());
        }
        if (domain instanceof IntRange r) {
            return List.of(r.low(), r.high());
        }
        if (domain instanceof Normal n) {
            return List.of(n.mu());
        }
        // Choice, GridList and Fixed: every value.
        return domain.gridValues();
    }

    private static String article(ParamKind kind) {
        return (kind == ParamKind.INT ? "an " : "a ") + kind.label();
    }
}
