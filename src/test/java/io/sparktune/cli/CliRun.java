package io.sparktune.cli;

import io.sparktune.api.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** One in-process run of the tune command, and what bad input must look like from outside. */
record CliRun(int exit, String out, String err) {
    /** A Java class name such as NumberFormatException or java.lang.OutOfMemoryError leaking into a message. */
    private static final Pattern THROWABLE = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");

    static CliRun tune(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String errLine() {
        return err.strip();
    }

    /** Exit 2 and exactly one line on stderr, with no stack trace and no exception class in it. */
    void assertRefusedCleanly(String what) {
        assertAll(what,
                () -> assertEquals(ExitCode.BAD_INPUT.code(), exit, "exit code; stderr was: " + err),
                () -> assertEquals(1, err.lines().count(), "lines on stderr: " + err),
                () -> assertFalse(err.contains("\tat "), "a stack trace: " + err),
                () -> assertFalse(THROWABLE.matcher(err).find(), "an exception class in the message: " + err),
                () -> assertNotEquals("", errLine(), "an empty message"));
    }
}
