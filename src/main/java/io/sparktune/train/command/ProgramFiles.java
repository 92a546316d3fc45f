package io.sparktune.train.command;

import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, on an executor, the files that a command's own words name (its script, a config file),
 * since the program runs in a scratch directory where a relative path would find nothing. A
 * relative word that names an existing file is made absolute against, in this order, the folder
 * where Spark puts {@code --files} and {@code --archives} and the executor's working directory
 * (the launch directory in local mode). Any other word, and every parameter value, is left alone.
 */
final class ProgramFiles {
    private final List<Path> roots;

    private ProgramFiles(List<Path> roots) {
        this.roots = roots;
    }

    static ProgramFiles onThisExecutor() {
        List<Path> roots = new ArrayList<>();
        if (SparkEnv.get() != null) {
            roots.add(Path.of(SparkFiles.getRootDirectory()));
        }
        roots.add(Path.of("").toAbsolutePath());
        return new ProgramFiles(roots);
    }

    String resolve(String word) {
        if (word.isEmpty() || word.startsWith("-") || word.equals(".") || word.equals("..")) {
            return word;
        }
        Path relative;
        try {
            relative = Path.of(word);
        } catch (InvalidPathException e) {
            return word;
        }
        if (relative.isAbsolute()) {
            return word;
        }
        for (Path root : roots) {
            Path candidate = root.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate.toAbsolutePath().normalize().toString();
            }
        }
        return word;
    }
}
