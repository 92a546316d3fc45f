package io.sparktune.api;

/** Turns a sweep name into a safe path segment: no separators, no '..', nothing a shell or HDFS treats specially. */
final class SafeNames {
    private SafeNames() {
    }

    static String of(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "_");
        return safe.isEmpty() ? "sweep" : safe;
    }
}
