package io.sparktune.train.djl;

import io.sparktune.core.InvalidInputException;
import io.sparktune.data.DataSpec;
import io.sparktune.data.TrainingData;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableSpec;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** A network trainable's options, checked: the architecture, where its data is, and whether it classifies. */
record NetworkOptions(Architecture architecture, DataSpec data, boolean classification) implements TrainableSpec {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkOptions.class);

    /** Reads the data on the driver and broadcasts it once; a file that cannot be read is bad input, before any trial. */
    @Override
    public Serializable prepare(SparkContext sc) throws IOException {
        long start = System.currentTimeMillis();
        TrainingData loaded;
        try {
            // The session on the running context (the engine started it), for Spark's CSV, Parquet and LibSVM readers.
            loaded = TrainingData.load(data, classification, SparkSession.builder().getOrCreate());
        } catch (Exception e) {
            if (e instanceof IOException || e instanceof AnalysisException) {
                throw new InvalidInputException(null, "trainable.data", firstLine(e.getMessage()));
            }
            throw e;
        }
        if (architecture == Architecture.CNN && loaded.shape().length != 3) {
            throw new InvalidInputException(null, "trainable.data.shape", "cnn needs samples shaped [channels, height, width]; the data gives "
                    + Arrays.toString(loaded.shape()));
        }
        LOG.info("data: {} training and {} validation samples of shape {}, {} classes, read in {} ms", loaded.train().size(),
                loaded.validation().size(), Arrays.toString(loaded.shape()), loaded.classes(), System.currentTimeMillis() - start);
        return new JavaSparkContext(sc).broadcast(loaded);
    }

    private static String firstLine(String text) {
        return text == null ? "cannot read the data" : text.lines().findFirst().orElse(text);
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
