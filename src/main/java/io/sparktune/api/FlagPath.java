package io.sparktune.api;

import io.sparktune.core.InvalidInputException;
import org.apache.hadoop.fs.Path;

/** A path that a user typed for a flag, or a one-line error naming the flag: Hadoop refuses '' and 'a:b'. */
final class FlagPath {
    private FlagPath() {
    }

    static Path of(String flag, String text) {
        try {
            return new Path(text);
        } catch (IllegalArgumentException e) {
            // Hadoop wraps a URISyntaxException; its message alone reads well.
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new InvalidInputException(flag, "", "'" + text + "' is not a path: " + why);
        }
    }
}
