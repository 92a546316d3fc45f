package io.sparktune.train.sparkml;

import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableSpec;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * A {@code sparkml} trainable's options, checked by {@link SparkMlType}.
 *
 * @param estimator the Spark ML estimator's class name
 * @param fidelity  the steps a trial fits at, ascending: step s fits on s/last of the training rows
 *                  and reports as step s, so asha, hyperband and median stop trials on the data fraction
 */
record SparkMlOptions(String estimator, MlData data, EvaluatorSpec evaluator, List<Long> fidelity) implements TrainableSpec {

    /** Trials are Spark jobs: they start on the driver. */
    @Override
    public boolean runsOnDriver() {
        return true;
    }

    @Override
    public Serializable prepare(SparkContext sc) throws IOException {
        // The session of this SparkContext: the one the sweep runs in.
        return SharedData.read(SparkSession.builder().getOrCreate(), data);
    }

    /** Each trial makes its own estimator, reading the label and the features column that {@link SharedData} made. */
    @Override
    public Trainable create(Serializable prepared) {
        Estimator<?> instance = MlClasses.make(estimator, Estimator.class, "trainable.estimator");
        return new EstimatorTrial(instance, config -> {
            ParamMap params = EstimatorParams.of(instance).paramMap(config);
            setColumn(instance, params, "labelCol", data.label());
            setColumn(instance, params, "featuresCol", SharedData.FEATURES);
            return params;
        }, evaluator.create(data.label(), SharedData.FEATURES), fidelity, (SharedData) prepared);
    }

    private static void setColumn(Estimator<?> estimator, ParamMap params, String name, String column) {
        if (estimator.hasParam(name)) {
            params.put(EstimatorParams.typed(estimator.getParam(name)), column);
        }
    }
}
