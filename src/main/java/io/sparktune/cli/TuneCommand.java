package io.sparktune.cli;

import io.sparktune.api.ExitCode;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "tune", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Massively parallel hyperparameter sweeps as a Spark batch job.",
                "'run' is the default command: 'tune --space grid.json' runs a sweep."},
        subcommands = {RunCommand.class, CompareCommand.class, ReportCommand.class, ExportCommand.class, BestCommand.class,
                StatusCommand.class},
        footer = {"", "Exit codes: 0 complete, 2 bad input, 3 no trial succeeded,",
                "  4 sweep locked by (or lost to) another live run,",
                "  75 time budget ended with work left (run again to continue),",
                "  1 internal error, store unreachable or a Spark job given up on."})
final class TuneCommand implements Callable<Integer> {
    /** Where subcommands print; the CLI's streams, so tests can run it in-process. */
    final PrintStream out;
    final PrintStream err;

    TuneCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Reached with no arguments at all; one line, like every other bad input. */
    @Override
    public Integer call() {
        err.println("tune: nothing to do: give --space FILE to run a sweep, or a command (see 'tune --help')");
        return ExitCode.BAD_INPUT.code();
    }
}
