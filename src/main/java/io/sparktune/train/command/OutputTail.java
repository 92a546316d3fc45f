package io.sparktune.train.command;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The last characters of a program's stream, so a chatty program cannot fill the executor's memory or the store. */
final class OutputTail {
    private static final String DROPPED = "[... earlier output dropped ...]\n";

    private final int capacity;
    private final StringBuilder text = new StringBuilder();
    private boolean dropped;

    OutputTail(int capacity) {
        this.capacity = capacity;
    }

    synchronized void append(String line) {
        text.append(line).append('\n');
        // Trim in bulk, not per line, so a long run of lines costs amortised O(1) each.
        if (text.length() > 2 * capacity) {
            text.delete(0, text.length() - capacity);
            dropped = true;
        }
    }

    synchronized String text() {
        String kept = text.length() > capacity ? text.substring(text.length() - capacity) : text.toString();
        return dropped || text.length() > capacity ? DROPPED + kept : kept;
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** The last {@code n} lines, for an error message. */
    synchronized String lastLines(int n) {
        List<String> lines = Arrays.asList(text.toString().split("\n"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
