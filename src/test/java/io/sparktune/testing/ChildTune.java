package io.sparktune.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Starts {@code tune} in its own JVM, as a user or a scheduler would, with output to a log file. */
public final class ChildTune {
    private static final String TUNE = "io.sparktune.cli.Main";

    private ChildTune() {
    }

    public static Process start(Path log, String... args) throws IOException {
        return java(log, List.of(), Map.of(), TUNE, args);
    }

    /** {@code tune} with Java options ({@code -Dspark.x=y}) and environment variables of its own. */
    public static Process start(Path log, List<String> javaOptions, Map<String, String> environment, String... args)
            throws IOException {
        return java(log, javaOptions, environment, TUNE, args);
    }

    /** Any main class on the test classpath, in a JVM set up as tune's is. */
    public static Process java(Path log, List<String> javaOptions, Map<String, String> environment, String mainClass,
                               String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(Arrays.asList(System.getProperty("sparktune.javaOpens", "").trim().split("\\s+")));
        command.add("-Dlog4j.configurationFile=" + Path.of("src/test/resources/log4j2-test.properties").toAbsolutePath());
        command.addAll(javaOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, "target/classes", "target/test-classes", "target/spark-home/jars/*"));
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().putAll(environment);
        return builder.start();
    }
}
