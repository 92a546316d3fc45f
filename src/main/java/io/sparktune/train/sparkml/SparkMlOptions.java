package io.sparktune.train.sparkml;

import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableSpec;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code sparkml} trainable's options, checked by {@link SparkMlType}.
 *
 * @param estimator the Spark ML estimator's class name, or null with {@code pipeline}
 * @param pipeline  where an unfitted {@link Pipeline} was saved, or null with {@code estimator}
 * @param fidelity  the steps a trial fits at, reported as those steps so that asha and median
 *                  stop trials on them, and what they scale (the rows or an iteration count)
 */
record SparkMlOptions(String estimator, String pipeline, MlData data, EvaluatorSpec evaluator, Fidelity fidelity) implements TrainableSpec {

    /** Trials are Spark jobs: they start on the driver. */
    @Override
    public boolean runsOnDriver() {
        return true;
    }

    /** A Spark ML fit keeps nothing to go on from: each step is a fit of its own. */
    @Override
    public boolean resumesPausedTrials() {
        return false;
    }

    /** The data, read once for the run, and {@code parallelism} fits at once over all trials and their folds. */
    @Override
    public Serializable prepare(SparkContext sc, int parallelism) throws IOException {
        // The session of this SparkContext: the one the sweep runs in.
        return SharedData.read(SparkSession.builder().getOrCreate(), data, pipeline == null, parallelism);
    }

    /**
     * Each trial makes its own estimator, reading the label and the features column that {@link SharedData}
     * made; a pipeline's stages read the columns they were saved to read.
     */
    @Override
    public Trainable create(Serializable prepared) {
        Estimator<?> instance = pipeline != null ? Pipeline.load(pipeline) : MlClasses.make(estimator, Estimator.class, "trainable.estimator");
        return new EstimatorTrial(instance, config -> {
            ParamMap params = EstimatorParams.of(instance).paramMap(config);
            setColumn(instance, params, "labelCol", data.label());
            setColumn(instance, params, "featuresCol", SharedData.FEATURES);
            return params;
        }, evaluator.create(data.label(), pipeline == null ? SharedData.FEATURES : null), fidelity, (SharedData) prepared);
    }

    /** The evaluator's metric by its name and as {@code loss}, and with folds each fold's. */
    @Override
    public Optional<Set<String>> reportedMetrics() {
        String name = EstimatorTrial.metricName(evaluator.create(data.label(), null));
        Set<String> names = new TreeSet<>(List.of(name, "loss"));
        for (int k = 0; k < data.folds(); k++) {
            names.add(name + "_fold" + k);
        }
        return Optional.of(names);
    }

    private static void setColumn(Estimator<?> estimator, ParamMap params, String name, String column) {
        if (estimator.hasParam(name)) {
            params.put(EstimatorParams.typed(estimator.getParam(name)), column);
        }
    }
}
