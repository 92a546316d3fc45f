package io.sparktune.cli;

import picocli.CommandLine.Option;

/** The flags of the commands that read a sweep with Spark: which sweep, and which Spark when none runs. */
final class SweepReading {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The sweep directory.")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not under spark-submit (default: local[*]).")
    String master;
}
