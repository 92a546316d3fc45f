package io.sparktune.train;

import java.io.Serializable;

/**
 * A user's trainable class, checked on the driver: it is on the classpath, implements
 * {@link Trainable} and has a public no-argument constructor.
 *
 * @param name the class's binary name
 */
public record TrainableClass(String name) implements TrainableSpec {

    @Override
    public Trainable create(Serializable prepared) {
        try {
            return (Trainable) Class.forName(name, true, Thread.currentThread().getContextClassLoader())
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            // The driver found the class; an executor without it was given a different classpath.
            throw new IllegalStateException("cannot create trainable " + name + ": " + e, e);
        }
    }
}
