package io.sparktune.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes space files for tests. */
public final class Spaces {
    private Spaces() {
    }

    public static Path write(Path dir, String name, String json) {
        try {
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String classTrainable(Class<?> type) {
        return "{\"type\": \"class\", \"class\": \"" + type.getName() + "\"}";
    }
}
