package io.sparktune.train.xgboost;

import io.sparktune.core.InvalidInputException;
import io.sparktune.data.DataSpec;
import io.sparktune.data.TrainingData;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableSpec;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * An xgboost trainable's options, checked.
 *
 * @param objective       the objective the space file named, or null to take it from the task (and for
 *                        classification from the labels: two classes are binary, more are multi-class)
 * @param reportEvery     rounds between reports to the scheduler (and the last round is always reported)
 * @param checkpointEvery rounds between checkpoints (a round whose report says stop or pause is always saved)
 */
record BoosterOptions(DataSpec data, boolean classification, Loss objective, int reportEvery, int checkpointEvery)
        implements TrainableSpec {

    /** The jar of XGBoost's classes also carries its native library: executors load both from it. */
    private static final String LIBRARY = "ml/dmlc/xgboost4j/java/XGBoost.class";

    /** Reads the data on the driver and broadcasts it once; a file that cannot be read is bad input, before any trial. */
    @Override
    public Serializable prepare(SparkContext sc) throws IOException {
        TrainingData loaded = TrainingData.forSweep(data, classification);
        if (objective == Loss.LOGISTIC && loaded.classes() > 2) {
            throw new InvalidInputException(null, "trainable.objective", "binary:logistic needs two classes; the labels have "
                    + loaded.classes() + " (use multi:softprob, or leave the objective out)");
        }
        return new JavaSparkContext(sc).broadcast(loaded);
    }

    /** The loss a trial trains with, given the class count of the data (0 for regression). */
    Loss loss(int classes) {
        if (objective != null) {
            return objective;
        }
        if (!classification) {
            return Loss.SQUARED;
        }
        return classes > 2 ? Loss.SOFTPROB : Loss.LOGISTIC;
    }

    @Override
    public List<String> executorResources() {
        return List.of(LIBRARY);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Trainable create(Serializable prepared) {
        if (!(prepared instanceof Broadcast<?> broadcast)) {
            throw new IllegalStateException("xgboost trials need the data that prepare() broadcasts on the driver");
        }
        return new BoostedTrees(this, (Broadcast<TrainingData>) broadcast);
    }
}
