package io.sparktune.train;

import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;

/**
 * One kind of trainable, as a spec names it with {@code trainable.type}. Implementations are found
 * with {@link java.util.ServiceLoader}, so a jar on the classpath can add a type.
 *
 * <p>{@link #validate} runs on the driver before anything runs, and must reject bad options and
 * parameters with an {@link io.sparktune.core.InvalidInputException} naming the JSON path.
 * {@link #create} runs on executors, once per trial run.
 */
public interface TrainableType {

    String name();

    void validate(PluginSpec spec, Space space, String path);

    Trainable create(PluginSpec spec);
}
