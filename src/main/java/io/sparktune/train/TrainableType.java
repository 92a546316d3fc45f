package io.sparktune.train;

import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;

/**
 * One kind of trainable, as a spec names it with {@code trainable.type}. Implementations are found
 * with {@link java.util.ServiceLoader}, so a jar on the classpath can add a type.
 *
 * <p>{@link #validate} runs on the driver, once, when the spec is read: it is the only code that
 * sees the trainable's options as the space file wrote them. Everything after it, on the driver and
 * on executors, uses the {@link TrainableSpec} it returns.
 */
public interface TrainableType {

    String name();

    /**
     * Checks the options and the space's parameters, rejecting bad ones with an
     * {@link io.sparktune.core.InvalidInputException} that names the JSON path.
     */
    TrainableSpec validate(PluginSpec spec, Space space, String path);
}
