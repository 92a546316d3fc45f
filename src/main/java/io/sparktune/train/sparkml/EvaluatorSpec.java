package io.sparktune.train.sparkml;

import io.sparktune.core.InvalidInputException;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code evaluator} of a {@code sparkml} trainable, validated: a Spark ML {@link Evaluator} by
 * class name (a simple name is one of {@code org.apache.spark.ml.evaluation}) and its params,
 * {@code {"type": "MulticlassClassificationEvaluator", "metricName": "accuracy"}}.
 */
public record EvaluatorSpec(String className, Map<String, Object> params) implements Serializable {
    private static final String SPARK_PACKAGE = "org.apache.spark.ml.evaluation.";

    public EvaluatorSpec {
        params = new LinkedHashMap<>(params);
    }

    /** Parses and checks the evaluator's class and params against the real ones; errors name {@code path}. */
    public static EvaluatorSpec parse(Object value, String path) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("type") instanceof String type) || type.isBlank()) {
            throw new InvalidInputException(null, path, "expected an object such as {\"type\": \"MulticlassClassificationEvaluator\", \"metricName\": \"accuracy\"}");
        }
        String className = type.contains(".") ? type : SPARK_PACKAGE + type;
        Evaluator evaluator = MlClasses.make(className, Evaluator.class, path + ".type");
        Map<String, Object> params = new LinkedHashMap<>();
        map.forEach((key, v) -> {
            if (!key.equals("type")) {
                params.put((String) key, v);
            }
        });
        EvaluatorSpec spec = new EvaluatorSpec(className, params);
        spec.paramMap(evaluator, path);
        return spec;
    }

    /** A new evaluator with these params, reading the label (and features) from the given columns unless set here. */
    public Evaluator create(String label, String features) {
        Evaluator evaluator = MlClasses.make(className, Evaluator.class, "evaluator");
        ParamMap map = paramMap(evaluator, "evaluator");
        defaultColumn(evaluator, map, "labelCol", label);
        defaultColumn(evaluator, map, "featuresCol", features);
        return evaluator.copy(map);
    }

    private static void defaultColumn(Evaluator evaluator, ParamMap map, String name, String column) {
        if (column != null && evaluator.hasParam(name) && !map.contains(evaluator.getParam(name))) {
            map.put(EstimatorParams.typed(evaluator.getParam(name)), column);
        }
    }

    private ParamMap paramMap(Evaluator evaluator, String path) {
        ParamMap map = new ParamMap();
        params.forEach((name, value) -> {
            String where = path + "." + name;
            if (!evaluator.hasParam(name) || ParamKind.of(evaluator.getParam(name)).isEmpty()) {
                throw new InvalidInputException(null, where, evaluator.getClass().getSimpleName() + " has no param '" + name
                        + "' (known: " + EstimatorParams.known(evaluator) + ")");
            }
            Param<Object> param = EstimatorParams.typed(evaluator.getParam(name));
            Object converted = EstimatorParams.checked(param, evaluator.getClass().getSimpleName() + "." + name, value, where);
            map.put(param, converted);
        });
        return map;
    }
}
