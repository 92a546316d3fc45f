package io.sparktune.train;

import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;
import org.apache.spark.SparkContext;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * One kind of trainable, as a spec names it with {@code trainable.type}. Implementations are found
 * with {@link java.util.ServiceLoader}, so a jar on the classpath can add a type.
 *
 * <p>{@link #validate} runs on the driver before anything runs, and must reject bad options and
 * parameters with an {@link io.sparktune.core.InvalidInputException} naming the JSON path.
 * {@link #prepare} runs on the driver once per run of a sweep, after validation and before the first
 * trial starts. {@link #create} runs on executors, once per trial run, with what {@code prepare}
 * returned.
 */
public interface TrainableType {

    String name();

    void validate(PluginSpec spec, Space space, String path);

    Trainable create(PluginSpec spec);

    /**
     * Loads what every trial of the run shares, such as a dataset, and makes it reachable from the
     * executors, usually as a Spark {@link org.apache.spark.broadcast.Broadcast}: the result travels
     * with every trial task, so it should be small itself. A resumed sweep calls it again.
     *
     * @return what {@link #create(PluginSpec, Serializable)} receives; null (the default) when nothing is shared
     */
    default Serializable prepare(PluginSpec spec, SparkContext sc) throws IOException {
        return null;
    }

    /**
     * Resources (class-path names such as {@code native/lib/pytorch.properties}) whose jars the
     * executors need beside tune.jar. When SparkTune starts Spark for a cluster itself, it ships the
     * jars that hold them; under spark-submit the user's {@code --jars} decide.
     */
    default List<String> executorResources() {
        return List.of();
    }

    /** A trainable for one trial run, given what {@link #prepare} returned; types that share nothing need not override it. */
    default Trainable create(PluginSpec spec, Serializable prepared) {
        return create(spec);
    }
}
