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
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A space's parameters as an estimator's Spark ML {@link Param}s, by name: checked once against the
 * estimator's real params and value types, then turned into a {@link ParamMap} per trial. A plain
 * estimator's params are named as they are ({@code maxDepth}) or after its uid ({@code rfc_1a2b.maxDepth});
 * a {@link Pipeline}'s after the stage's uid or its index ({@code stage1.maxDepth}: a space's names start
 * with a letter).
 */
public final class EstimatorParams implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String owner;
    private final Map<String, Param<?>> byName;
    private final List<String> known;
    /** Each param's name without uids: a pipeline stage's by its index, a plain estimator's as it is. */
    private final Map<Param<?>, String> stable;

    private EstimatorParams(String owner, Map<String, Param<?>> byName, List<String> known, Map<Param<?>, String> stable) {
        this.owner = owner;
        this.byName = byName;
        this.known = known;
        this.stable = stable;
    }

    /** The tunable params of {@code estimator}, or of every stage of a pipeline. */
    public static EstimatorParams of(PipelineStage estimator) {
        Map<String, Param<?>> byName = new LinkedHashMap<>();
        Map<Param<?>, String> stable = new LinkedHashMap<>();
        if (estimator instanceof Pipeline pipeline) {
            PipelineStage[] stages = pipeline.getStages();
            for (int i = 0; i < stages.length; i++) {
                for (Param<?> param : tunable(stages[i])) {
                    byName.put(stages[i].uid() + "." + param.name(), param);
                    byName.put("stage" + i + "." + param.name(), param);
                    stable.put(param, "stage" + i + "." + param.name());
                }
            }
            List<String> known = byName.keySet().stream().filter(name -> !name.matches("stage\\d+\\..*")).toList();
            return new EstimatorParams("the pipeline", byName, known, stable);
        }
        List<String> known = tunable(estimator).stream().map(Param::name).toList();
        for (Param<?> param : tunable(estimator)) {
            byName.put(param.name(), param);
            byName.put(estimator.uid() + "." + param.name(), param);
            stable.put(param, param.name());
        }
        return new EstimatorParams(estimator.getClass().getSimpleName(), byName, known, stable);
    }

    /**
     * The name {@code name} goes by in a sweep: without the random uid a new session gives the same
     * estimator, so that a sweep directory a driver left can be resumed by the next one. Names of no
     * param stay as they are, for {@link #check} to refuse.
     */
    public String stableName(String name) {
        Param<?> param = byName.get(name);
        return param == null ? name : stable.get(param);
    }

    /** The param a space names {@code name}, or null when there is none. */
    public Param<?> param(String name) {
        return byName.get(name);
    }

    /**
     * Refuses a space parameter that names no tunable param, or whose values the param's type or
     * its own validator refuses, naming {@code params.<name>}.
     */
    public void check(Space space) {
        for (Space.Dimension dimension : space.dimensions()) {
            String name = dimension.parameter().name();
            String path = "params." + dimension.key().replace('/', '.');
            Param<Object> param = typed(byName.get(name));
            if (param == null) {
                throw new InvalidInputException(null, path, owner + " has no param '" + name + "' (known: " + String.join(", ", known) + ")");
            }
            for (Object value : probes(dimension.parameter().domain())) {
                checked(param, describe(param), value, path);
            }
        }
    }

    /**
     * {@code value} as {@code param}'s type, when the param's own validator takes it; else refused
     * at {@code path}, naming the param as {@code qualifiedName}.
     */
    static Object checked(Param<Object> param, String qualifiedName, Object value, String path) {
        ParamKind kind = ParamKind.of(param).orElseThrow();
        Object converted;
        try {
            converted = kind.convert(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidInputException(null, path, qualifiedName + " is " + article(kind) + " param: " + e.getMessage());
        }
        if (!(Boolean) param.isValid().apply(converted)) {
            throw new InvalidInputException(null, path, qualifiedName + " does not take " + value + " (" + param.doc() + ")");
        }
        return converted;
    }

    /** The trial's values as a param map; names and types were checked by {@link #check}. */
    public ParamMap paramMap(Config config) {
        ParamMap map = new ParamMap();
        config.values().forEach((name, value) -> {
            Param<Object> param = typed(byName.get(name));
            map.put(param, ParamKind.of(param).orElseThrow().convert(value));
        });
        return map;
    }

    private String describe(Param<?> param) {
        return (owner.equals("the pipeline") ? param.parent() : owner) + "." + param.name();
    }

    /** The params of {@code params} a space can set, in Spark's order (by name). */
    static List<Param<?>> tunable(Params params) {
        return Arrays.stream(params.params()).filter(p -> ParamKind.of(p).isPresent()).collect(Collectors.toList());
    }

    /** Their names, for messages. */
    static String known(Params params) {
        return tunable(params).stream().map(Param::name).collect(Collectors.joining(", "));
    }

    /** {@code param} as one a value of any type can be put to; the value's type is the caller's to check. */
    @SuppressWarnings("unchecked")
    public static Param<Object> typed(Param<?> param) {
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
