package io.sparktune.train.sparkml;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;
import io.sparktune.train.Options;
import io.sparktune.train.TrainableSpec;
import io.sparktune.train.TrainableType;
import org.apache.spark.ml.Estimator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code {"type": "sparkml", "estimator": "org.apache.spark.ml.classification.RandomForestClassifier",
 * "data": {...}, "evaluator": {...}, "fidelity": [1, 3, 9], "fidelityParam": "auto"}}: each trial fits a Spark ML estimator with
 * its config as the estimator's params, on the driver, as Spark jobs over the whole cluster. Instead of
 * {@code estimator}, {@code "pipeline": PATH} names an unfitted {@code Pipeline} saved with
 * {@code Pipeline.write}, whose stage params a space names {@code STAGE_UID.param} or {@code stageI.param}.
 */
public final class SparkMlType implements TrainableType {
    private static final Set<String> OPTIONS = Set.of("estimator", "pipeline", "data", "evaluator", "fidelity", "fidelityParam");

    @Override
    public String name() {
        return "sparkml";
    }

    @Override
    public TrainableSpec validate(PluginSpec spec, Space space, String path) {
        Options options = new Options(spec, path).allow(OPTIONS);
        String pipeline = options.optionalString("pipeline");
        String estimator = pipeline == null ? options.requiredString("estimator") : null;
        if (pipeline != null && spec.options().containsKey("estimator")) {
            throw new InvalidInputException(null, options.path("pipeline"), "give either estimator or pipeline, not both");
        }
        Estimator<?> instance = pipeline != null ? SavedPipeline.stages(pipeline, options.path("pipeline"))
                : MlClasses.make(estimator, Estimator.class, options.path("estimator"));
        EstimatorParams params = EstimatorParams.of(instance);
        params.check(space);
        MlData data = MlData.parse(spec.options().get("data"), options.path("data"));
        EvaluatorSpec evaluator = EvaluatorSpec.parse(spec.options().get("evaluator"), options.path("evaluator"));
        String fidelityParam = spec.options().containsKey("fidelityParam") ? options.requiredString("fidelityParam") : Fidelity.AUTO;
        Fidelity fidelity = Fidelity.of(steps(spec.options().get("fidelity"), options.path("fidelity")), fidelityParam, instance, params,
                options.path("fidelityParam"));
        return new SparkMlOptions(estimator, pipeline, data, evaluator, fidelity);
    }

    private static List<Long> steps(Object value, String path) {
        if (value == null) {
            return List.of(1L);
        }
        List<Long> steps = new ArrayList<>();
        if (value instanceof List<?> list && !list.isEmpty()) {
            for (Object step : list) {
                if (!(step instanceof Long s) || s < 1 || (!steps.isEmpty() && s <= steps.get(steps.size() - 1))) {
                    steps.clear();
                    break;
                }
                steps.add(s);
            }
        }
        if (steps.isEmpty()) {
            throw new InvalidInputException(null, path, "expected ascending positive whole steps such as [1, 3, 9] "
                    + "(a trial fits on 1/9, 3/9 and all of the training rows), got " + value);
        }
        return List.copyOf(steps);
    }
}
