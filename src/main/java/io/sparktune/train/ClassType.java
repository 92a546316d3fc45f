package io.sparktune.train;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;

import java.util.Set;

/** A user's own {@link Trainable}, named by class: {@code {"type":"class","class":"com.acme.MyTrainable"}}. */
public final class ClassType implements TrainableType {

    @Override
    public String name() {
        return "class";
    }

    @Override
    public TrainableSpec validate(PluginSpec spec, Space space, String path) {
        Options options = new Options(spec, path).allow(Set.of("class"));
        String name = options.requiredString("class");
        try {
            Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            if (!Trainable.class.isAssignableFrom(type)) {
                throw new InvalidInputException(null, options.path("class"), name + " does not implement " + Trainable.class.getName());
            }
            type.getConstructor();
        } catch (ClassNotFoundException e) {
            throw new InvalidInputException(null, options.path("class"), "class " + name + " is not on the classpath");
        } catch (NoSuchMethodException e) {
            throw new InvalidInputException(null, options.path("class"), name + " needs a public no-argument constructor");
        }
        return new TrainableClass(name);
    }
}
