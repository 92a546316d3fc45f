package io.sparktune.train.djl;

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
import java.util.Arrays;
import java.util.List;

/** A network trainable's options, checked: the architecture, where its data is, and whether it classifies. */
record NetworkOptions(Architecture architecture, DataSpec data, boolean classification) implements TrainableSpec {
    /** Reads the data on the driver and broadcasts it once; a file that cannot be read is bad input, before any trial. */
    @Override
    public Serializable prepare(SparkContext sc) throws IOException {
        TrainingData loaded = TrainingData.forSweep(data, classification);
        if (architecture == Architecture.CNN && loaded.shape().length != 3) {
            throw new InvalidInputException(null, "trainable.data.shape", "cnn needs samples shaped [channels, height, width]; the data gives "
                    + Arrays.toString(loaded.shape()));
        }
        return new JavaSparkContext(sc).broadcast(loaded);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Trainable create(Serializable prepared) {
        if (!(prepared instanceof Broadcast<?> broadcast)) {
            throw new IllegalStateException(architecture.label() + " trials need the data that prepare() broadcasts on the driver");
        }
        return new NetworkTrainable(architecture, (Broadcast<TrainingData>) broadcast);
    }
}
