package io.sparktune.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples in submit/ are not run here (they need a cluster), but they cannot rot unnoticed:
 * every shell script parses with bash -n, the crontab's commands with sh -n, the Airflow DAG
 * compiles, and the DAG's Java 17 options are the pom's.
 */
class SubmitExamplesTest {
    private static final Path SUBMIT = Path.of("submit");
    /** A crontab entry: five time fields, then the command that cron hands to sh. */
    private static final Pattern CRON_ENTRY = Pattern.compile("^(\\S+\\s+){5}(?<command>.+)$");

    @TempDir
    Path tmp;

    static Stream<Path> shellScripts() throws IOException {
        try (Stream<Path> files = Files.list(SUBMIT)) {
            return files.filter(SubmitExamplesTest::isBashScript).sorted().toList().stream();
        }
    }

    private static boolean isBashScript(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).startsWith("#!/usr/bin/env bash");
        } catch (IOException e) {
            return false;
        }
    }

    private record Result(int exit, String output) {
    }

    private Result exec(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // py_compile writes its .pyc here rather than beside the DAG in submit/.
        builder.environment().put("PYTHONPYCACHEPREFIX", tmp.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shellScripts")
    void shellScriptParses(Path script) throws Exception {
        Result bash = exec("bash", "-n", script.toString());
        assertEquals(0, bash.exit(), script + ": " + bash.output());
    }

    @Test
    void everyExampleThatTheDocsNameIsThere() throws IOException {
        for (String name : List.of("standalone.sh", "yarn.sh", "k8s.sh", "cron.example", "airflow_sweep_dag.py")) {
            assertTrue(Files.isRegularFile(SUBMIT.resolve(name)), name);
        }
        assertEquals(4, shellScripts().count(), "tune, standalone.sh, yarn.sh, k8s.sh");
    }

    @Test
    void crontabCommandsParseAndHoldNoPercentSign() throws Exception {
        List<String> commands = Files.readAllLines(SUBMIT.resolve("cron.example"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.matches("^[A-Z_]+=.*"))
                .map(CRON_ENTRY::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group("command"))
                .toList();
        assertFalse(commands.isEmpty(), "no crontab entry found");
        for (String command : commands) {
            // cron turns an unescaped % into a newline: a date +%F would silently cut the command.
            assertFalse(command.contains("%"), "a % in: " + command);
            Result sh = exec("sh", "-n", "-c", command);
            assertEquals(0, sh.exit(), command + ": " + sh.output());
        }
    }

    @Test
    void tunesFirstRunBuildPrintsNoEscapeCodesIntoALog() throws Exception {
        // A project of its own with nothing to build, so the real Maven runs in seconds.
        Path root = tmp.resolve("project");
        Files.createDirectories(root.resolve("submit"));
        Files.copy(SUBMIT.resolve("tune"), root.resolve("submit/tune"));
        Files.writeString(root.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>t</groupId><artifactId>t</artifactId><version>1</version><packaging>pom</packaging></project>\n");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("submit/tune").toString(), "--version").redirectErrorStream(true);
        builder.environment().remove("SPARK_HOME");
        Process tune = builder.start();
        String output = new String(tune.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        tune.waitFor();

        assertTrue(output.contains("first run only"), output);
        assertFalse(output.contains("\u001b"), "escape codes in: " + output.replace("\u001b", "ESC"));
    }

    @Test
    void airflowDagCompiles() throws Exception {
        Result python = exec("python3", "-m", "py_compile", SUBMIT.resolve("airflow_sweep_dag.py").toString());
        assertEquals(0, python.exit(), python.output());
    }

    @Test
    void airflowDagCarriesThePomsJava17Options() throws IOException {
        Matcher opens = Pattern.compile("<spark.java.opens>(.*)</spark.java.opens>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(opens.find(), "spark.java.opens in pom.xml");
        String dag = Files.readString(SUBMIT.resolve("airflow_sweep_dag.py"), StandardCharsets.UTF_8);
        List<String> missing = Arrays.stream(opens.group(1).trim().split("\\s+")).filter(o -> !dag.contains("\"" + o + "\"")).toList();
        assertEquals(List.of(), missing, "options of the pom that the DAG lacks");
    }
}
