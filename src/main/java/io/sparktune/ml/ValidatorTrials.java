package io.sparktune.ml;

import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableSpec;
import io.sparktune.train.sparkml.EstimatorParams;
import io.sparktune.train.sparkml.EstimatorTrial;
import io.sparktune.train.sparkml.Fidelity;
import io.sparktune.train.sparkml.SharedData;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.evaluation.Evaluator;

import java.io.Serializable;

/**
 * A {@link TuneValidator}'s trials as the sweep's trainable: the user's own estimator and evaluator
 * objects, fitted on the driver on the folds the validator made from its dataset.
 */
record ValidatorTrials(Estimator<?> estimator, EstimatorParams params, Evaluator evaluator, Fidelity fidelity,
                       SharedData data) implements TrainableSpec {

    @Override
    public boolean runsOnDriver() {
        return true;
    }

    @Override
    public Serializable prepare(SparkContext sc) {
        return data;
    }

    /** The estimator is shared: {@code fit(dataset, params)} fits a copy with the trial's params. */
    @Override
    public Trainable create(Serializable prepared) {
        return new EstimatorTrial(estimator, params::paramMap, evaluator, fidelity, (SharedData) prepared);
    }
}
