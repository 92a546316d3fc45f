package io.sparktune.train.sparkml;

import io.sparktune.core.Config;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrialContext;
import org.apache.spark.SparkException;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLWritable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trial of a {@code sparkml} sweep, on the driver: fits the estimator with the trial's params at
 * each fidelity step on that fraction of every fold's training rows, evaluates on the fold's
 * validation rows and reports the mean; a scheduler may stop it between steps. A trial that
 * finishes with one fold saves its model with Spark ML's writer as {@code trials/<id>/model}.
 */
final class SparkMlTrainable implements Trainable {
    private final SparkMlOptions options;
    private final SharedData data;

    SparkMlTrainable(SparkMlOptions options, SharedData data) {
        this.options = options;
        this.data = data;
    }

    @Override
    public Map<String, Double> train(Config config, TrialContext context) throws Exception {
        Estimator<?> estimator = MlClasses.make(options.estimator(), Estimator.class, "trainable.estimator");
        ParamMap params = EstimatorParams.paramMap(estimator, config);
        setColumn(estimator, params, "labelCol", data.label());
        setColumn(estimator, params, "featuresCol", data.features());
        Evaluator evaluator = options.evaluator().create(data.label(), data.features());
        String group = TrialJobs.group(data.runId(), context.trialId());
        try {
            return TrialJobs.run(data.folds().get(0).train().sparkSession().sparkContext(), group,
                    "trial " + context.trialId() + ": " + config, context, () -> fit(estimator, params, evaluator, context));
        } catch (SparkException e) {
            throw rootCause(e);
        }
    }

    /**
     * What a failed job says went wrong: the task's own exception where Spark kept it (local mode,
     * and when it deserialises), else the first line of Spark's message, which names it; the rest
     * of that message is the driver's stack trace.
     */
    static Exception rootCause(SparkException failed) {
        Throwable root = failed;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failed && root instanceof Exception cause) {
            return cause;
        }
        String message = String.valueOf(failed.getMessage());
        return new SparkException(message.lines().findFirst().orElse(message));
    }

    private Map<String, Double> fit(Estimator<?> estimator, ParamMap params, Evaluator evaluator, TrialContext context) throws Exception {
        List<Long> steps = options.fidelity();
        long last = steps.get(steps.size() - 1);
        Map<String, Double> metrics = Map.of();
        Model<?> model = null;
        for (long step : steps) {
            double[] values = new double[data.folds().size()];
            for (int k = 0; k < values.length; k++) {
                SharedData.Fold fold = data.folds().get(k);
                model = (Model<?>) estimator.fit(fold.train((double) step / last), params);
                values[k] = evaluator.evaluate(model.transform(fold.validation()));
            }
            metrics = metrics(evaluator, values);
            if (!context.report(step, metrics)) {
                return metrics;
            }
        }
        // With folds, no one model stands for the trial.
        if (data.folds().size() == 1 && model instanceof MLWritable writable) {
            context.saveModelFolder(uri -> writable.write().save(uri));
        }
        return metrics;
    }

    /**
     * The evaluator's metric by its name (the mean over folds, and each fold's), and {@code loss}, the
     * same signed so that smaller is better: a sweep may name either with its mode.
     */
    static Map<String, Double> metrics(Evaluator evaluator, double[] values) {
        String name = evaluator.hasParam("metricName") ? String.valueOf(evaluator.getOrDefault(evaluator.getParam("metricName"))) : "metric";
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(name, mean);
        metrics.put("loss", evaluator.isLargerBetter() ? -mean : mean);
        if (values.length > 1) {
            for (int k = 0; k < values.length; k++) {
                metrics.put(name + "_fold" + k, values[k]);
            }
        }
        return metrics;
    }

    private static void setColumn(Estimator<?> estimator, ParamMap params, String name, String column) {
        if (estimator.hasParam(name)) {
            params.put(EstimatorParams.typed(estimator.getParam(name)), column);
        }
    }
}
