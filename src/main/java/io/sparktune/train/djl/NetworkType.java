package io.sparktune.train.djl;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.data.DataSpec;
import io.sparktune.data.TrainingData;
import io.sparktune.space.Space;
import io.sparktune.train.Options;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableType;
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
import java.util.Set;

/**
 * A DJL network trainable: {@code {"type": "mlp", "task": "classification", "data": {...}}}. The
 * driver reads the data once and broadcasts it; each trial builds its network from its config.
 */
abstract class NetworkType implements TrainableType {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkType.class);
    private static final Set<String> OPTIONS = Set.of("data", "task");

    private final Architecture architecture;

    NetworkType(Architecture architecture) {
        this.architecture = architecture;
    }

    @Override
    public String name() {
        return architecture.label();
    }

    /** libtorch is not in tune.jar (it is 450 MB): its native jar goes to the executors beside it. */
    @Override
    public List<String> executorResources() {
        return List.of("native/lib/pytorch.properties");
    }

    @Override
    public void validate(PluginSpec spec, Space space, String path) {
        new Options(spec, path).allow(OPTIONS);
        DataSpec.parse(spec.options().get("data"), path + ".data");
        classification(spec, path);
        Hyperparameters.validate(space, architecture);
    }

    private static boolean classification(PluginSpec spec, String path) {
        Object task = spec.options().getOrDefault("task", "classification");
        if (!task.equals("classification") && !task.equals("regression")) {
            throw new InvalidInputException(null, path + ".task", "expected classification or regression, got " + task);
        }
        return task.equals("classification");
    }

    /** Reads the data on the driver and broadcasts it once; a file that cannot be read is bad input, before any trial. */
    @Override
    public Serializable prepare(PluginSpec spec, SparkContext sc) throws IOException {
        DataSpec data = DataSpec.parse(spec.options().get("data"), "trainable.data");
        long start = System.currentTimeMillis();
        TrainingData loaded;
        try {
            // The session on the running context (the engine started it), for Spark's CSV, Parquet and LibSVM readers.
            loaded = TrainingData.load(data, classification(spec, "trainable"), SparkSession.builder().getOrCreate());
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
    public Trainable create(PluginSpec spec, Serializable prepared) {
        if (!(prepared instanceof Broadcast<?> broadcast)) {
            throw new IllegalStateException(name() + " trials need the data that prepare() broadcasts on the driver");
        }
        return new NetworkTrainable(architecture, (Broadcast<TrainingData>) broadcast);
    }

    @Override
    public Trainable create(PluginSpec spec) {
        return create(spec, null);
    }
}
