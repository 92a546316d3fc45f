package io.sparktune.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** target/tune.jar as a user runs it, after {@code package}. */
class PackagedJarIT {
    private static final Path JAR = Path.of("target/tune.jar");

    /** The project's own version, the first {@code <version>} after its artifactId in pom.xml. */
    private static String projectVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>sparktune</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml's version");
        return m.group(1);
    }

    @Test
    void tuneVersionPrintsTheProjectsVersion() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertEquals(projectVersion(), jar.getManifest().getMainAttributes().getValue("Implementation-Version"),
                    "the version that tune -V and sweep.json read from tune.jar's manifest");
        }
        Process tune = new ProcessBuilder("java", "-cp", JAR + ":target/spark-home/jars/*", "io.sparktune.cli.Main", "-V")
                .redirectErrorStream(true).start();
        assertTrue(tune.waitFor(60, TimeUnit.SECONDS), "tune -V ends");
        assertEquals("SparkTune " + projectVersion(), new String(tune.getInputStream().readAllBytes()).strip());
    }
}
