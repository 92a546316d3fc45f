package io.sparktune.api;

import io.sparktune.train.TrainableSpec;

import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jars a session that SparkTune makes for a cluster ships to its executors: the one SparkTune's
 * own classes came from, and those holding what the trainable loads there (DJL's libtorch, XGBoost's jar). Without
 * them every task fails with {@code ClassNotFoundException}. Classes read from a folder (a build's
 * target/classes) cannot be shipped; such executors must have them on their class path already.
 */
final class ExecutorJars {
    private ExecutorJars() {
    }

    static List<String> forTrainable(TrainableSpec trainable) {
        List<String> jars = new ArrayList<>();
        jarOf(ExecutorJars.class.getProtectionDomain().getCodeSource().getLocation()).ifPresent(jars::add);
        for (String resource : trainable.executorResources()) {
            URL url = ExecutorJars.class.getClassLoader().getResource(resource);
            if (url != null && url.getProtocol().equals("jar")) {
                try {
                    jarOf(((JarURLConnection) url.openConnection()).getJarFileURL()).ifPresent(jars::add);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot find the jar of " + resource + ": " + e.getMessage(), e);
                }
            }
        }
        return jars.stream().distinct().toList();
    }

    private static Optional<String> jarOf(URL location) {
        try {
            Path path = Path.of(location.toURI());
            return Files.isRegularFile(path) ? Optional.of(path.toString()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
