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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One trial that fits a Spark ML estimator, on the driver: fits it with the trial's params at each
 * fidelity step (on that fraction of every fold's training rows, or with that share of its iterations), evaluates on the fold's validation
 * rows and reports the mean; a scheduler may stop it between steps. Its folds fit in parallel, in the
 * run's {@link FitSlots}. A trial that finishes with one
 * fold saves its model with Spark ML's writer as {@code trials/<id>/model}. The {@code sparkml}
 * trainable and {@code TuneValidator} both run their trials as this.
 */
public final class EstimatorTrial implements Trainable {
    private final Estimator<?> estimator;
    private final Function<Config, ParamMap> params;
    private final Evaluator evaluator;
    private final Fidelity fidelity;
    private final SharedData data;

    /**
     * @param estimator this trial's own estimator instance
     * @param params    the trial's config as params of {@code estimator}
     * @param fidelity  the steps the trial fits at, and what they scale
     */
    public EstimatorTrial(Estimator<?> estimator, Function<Config, ParamMap> params, Evaluator evaluator, Fidelity fidelity,
                          SharedData data) {
        this.estimator = estimator;
        this.params = params;
        this.evaluator = evaluator;
        this.fidelity = fidelity;
        this.data = data;
    }

    @Override
    public Map<String, Double> train(Config config, TrialContext context) throws Exception {
        ParamMap trialParams = params.apply(config);
        String group = TrialJobs.group(data.runId(), context.trialId());
        try {
            return TrialJobs.run(data.folds().get(0).train().sparkSession().sparkContext(), group,
                    "trial " + context.trialId() + ": " + config, context, () -> fit(trialParams, context));
        } catch (SparkException e) {
            throw JobFailure.of(e);
        }
    }

    private Map<String, Double> fit(ParamMap trialParams, TrialContext context) throws Exception {
        Map<String, Double> metrics = Map.of();
        List<Fitted> fitted = List.of();
        for (long step : fidelity.steps()) {
            ParamMap stepParams = fidelity.at(step, trialParams, estimator);
            double rows = fidelity.rows(step);
            List<Callable<Fitted>> fits = new ArrayList<>();
            for (SharedData.Fold fold : data.folds()) {
                fits.add(() -> {
                    Model<?> model = (Model<?>) estimator.fit(fold.train(rows), stepParams);
                    return new Fitted(model, evaluator.evaluate(model.transform(fold.validation())));
                });
            }
            fitted = data.fits().all(fits);
            metrics = metrics(evaluator, fitted.stream().mapToDouble(Fitted::metric).toArray());
            if (!context.report(step, metrics)) {
                return metrics;
            }
        }
        // With folds, no one model stands for the trial.
        if (fitted.size() == 1 && fitted.get(0).model() instanceof MLWritable writable) {
            context.saveModelFolder(uri -> writable.write().save(uri));
        }
        return metrics;
    }

    /** One fold's model at one step, and its metric on the fold's validation rows. */
    private record Fitted(Model<?> model, double metric) {
    }

    /** The name the evaluator's metric goes by: its {@code metricName}, else "metric". */
    public static String metricName(Evaluator evaluator) {
        return evaluator.hasParam("metricName") ? String.valueOf(evaluator.getOrDefault(evaluator.getParam("metricName"))) : "metric";
    }

    /**
     * The evaluator's metric by its name (the mean over folds, and each fold's), and {@code loss}, the
     * same signed so that smaller is better: a sweep may name either with its mode.
     */
    static Map<String, Double> metrics(Evaluator evaluator, double[] values) {
        String name = metricName(evaluator);
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
}
