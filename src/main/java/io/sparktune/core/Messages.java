package io.sparktune.core;

/** Turning a library's message into part of a one-line error. */
public final class Messages {
    private Messages() {
    }

    /** The first line of {@code text}, stripped; empty for none. Parsers and Hadoop append stack-like detail after it. */
    public static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }

    /** {@link #firstLine(String)}, or {@code ifEmpty} where that is empty: an exception with no message. */
    public static String firstLine(String text, String ifEmpty) {
        String first = firstLine(text);
        return first.isEmpty() ? ifEmpty : first;
    }
}
