package io.sparktune.cli;

import io.sparktune.core.InvalidInputException;
import io.sparktune.engine.TrialsLostException;
import io.sparktune.store.StoreUnavailableException;
import io.sparktune.store.SweepLockedException;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Set;

/**
 * The {@code tune} command. {@code run} is the default subcommand, so
 * {@code spark-submit tune.jar --space grid.json} works as written.
 *
 * <p>Exit codes: 0 complete, 2 bad input, 3 no trial succeeded, 4 the sweep directory is locked by
 * a live run, 75 the time budget ended with work left, 1 an internal error.
 */
public final class Main {
    public static final int BAD_INPUT = 2;
    public static final int LOCKED = 4;
    public static final int INTERNAL = 1;
    private static final Set<String> TOP_LEVEL_FLAGS = Set.of("-h", "--help", "-V", "--version");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new TuneCommand(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, ignored) -> {
            String command = e.getCommandLine().getCommandName();
            err.println(command + ": " + e.getMessage() + " (see '" + qualified(e.getCommandLine()) + " --help')");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, ignoredCli, ignoredResult) -> {
            if (e instanceof InvalidInputException) {
                err.println(e.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof SweepLockedException) {
                err.println(e.getMessage());
                return LOCKED;
            }
            if (e instanceof TrialsLostException) {
                err.println("tune: " + e.getMessage());
                return INTERNAL;
            }
            if (e instanceof StoreUnavailableException) {
                err.println("tune: " + e.getMessage() + " (the journal is consistent: run the same command again to resume)");
                return INTERNAL;
            }
            err.println("tune: internal error: " + e);
            e.printStackTrace(err);
            return INTERNAL;
        });
        return cli.execute(withDefaultSubcommand(cli, args));
    }

    private static String qualified(CommandLine command) {
        return command.getParent() == null ? command.getCommandName()
                : qualified(command.getParent()) + " " + command.getCommandName();
    }

    private static String[] withDefaultSubcommand(CommandLine cli, String[] args) {
        // Only flags imply 'run': a word that is no command is reported as itself, not as a missing --space.
        if (args.length == 0 || TOP_LEVEL_FLAGS.contains(args[0]) || !args[0].startsWith("-")) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }
}
