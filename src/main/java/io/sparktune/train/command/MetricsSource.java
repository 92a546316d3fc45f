package io.sparktune.train.command;

import java.io.Serializable;
import java.util.regex.Pattern;

/** Where a command's metrics come from. */
sealed interface MetricsSource extends Serializable {

    /** Scalars in stdout and stderr lines, found by {@code pattern} (groups {@code name} and {@code value}). */
    record Output(Pattern pattern) implements MetricsSource {
    }

    /** A JSON object of numbers that the program writes to {@code file}, relative to its working directory. */
    record JsonFile(String file) implements MetricsSource {
    }
}
