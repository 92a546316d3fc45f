package io.sparktune.train.sparkml;

import io.sparktune.core.InvalidInputException;

/** Makes Spark ML stages (estimators, evaluators) from class names, the way their readers do: a public no-argument constructor. */
final class MlClasses {
    private MlClasses() {
    }

    static <T> T make(String className, Class<T> kind, String path) {
        Class<?> found;
        try {
            found = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : MlClasses.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InvalidInputException(null, path, "no class " + className + " on the class path");
        }
        if (!kind.isAssignableFrom(found)) {
            throw new InvalidInputException(null, path, className + " is not a Spark ML " + kind.getSimpleName());
        }
        try {
            return kind.cast(found.getConstructor().newInstance());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InvalidInputException(null, path, "cannot make a " + className + " with its no-argument constructor: " + e);
        }
    }
}
