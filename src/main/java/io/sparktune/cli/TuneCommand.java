package io.sparktune.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "tune", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Massively parallel hyperparameter sweeps as a Spark batch job.",
                "'run' is the default command: 'tune --space grid.json' runs a sweep."},
        subcommands = {RunCommand.class, CompareCommand.class, ReportCommand.class, ExportCommand.class, BestCommand.class,
                StatusCommand.class},
        footer = {"", "Exit codes: 0 complete, 2 bad input, 3 no trial succeeded, 4 sweep locked by a live run,",
                "75 time budget ended with work left (run again to continue), 1 internal error."})
final class TuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    /** Where subcommands print; the CLI's streams, so tests can run it in-process. */
    final PrintStream out;
    final PrintStream err;

    TuneCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.BAD_INPUT;
    }
}
