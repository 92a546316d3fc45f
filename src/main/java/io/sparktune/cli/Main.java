package io.sparktune.cli;

import io.sparktune.api.ExitCode;
import io.sparktune.core.InvalidInputException;
import io.sparktune.engine.TrialsLostException;
import io.sparktune.store.StoreUnavailableException;
import io.sparktune.store.SweepLockedException;
import org.apache.spark.SparkUserAppException;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Set;

/**
 * The {@code tune} command. {@code run} is the default subcommand, so
 * {@code spark-submit tune.jar --space grid.json} works as written.
 *
 * <p>Exit codes: {@link ExitCode}.
 */
public final class Main {
    private static final Set<String> TOP_LEVEL_FLAGS = Set.of("-h", "--help", "-V", "--version");

    private Main() {
    }

    public static void main(String[] args) throws SparkUserAppException {
        int code = run(args, System.out, System.err);
        if (insideYarnApplicationMaster()) {
            // The ApplicationMaster runs this main in a thread and reports the application's outcome
            // when it returns: System.exit would cut that short, and YARN would count a failed attempt
            // and run the driver again. A non-zero code goes back the way Spark's own runners return one.
            if (code != 0) {
                throw new SparkUserAppException(code);
            }
            return;
        }
        System.exit(code);
    }

    /** YARN cluster mode: Spark's ApplicationMaster sets these before it starts the driver's main. */
    private static boolean insideYarnApplicationMaster() {
        return "cluster".equals(System.getProperty("spark.submit.deployMode")) && System.getProperty("spark.yarn.app.id") != null;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new TuneCommand(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, ignored) -> {
            String command = e.getCommandLine().getCommandName();
            err.println(command + ": " + e.getMessage() + " (see '" + qualified(e.getCommandLine()) + " --help')");
            return ExitCode.BAD_INPUT.code();
        });
        cli.setExecutionExceptionHandler((e, ignoredCli, ignoredResult) -> {
            if (e instanceof InvalidInputException) {
                err.println(e.getMessage());
                return ExitCode.BAD_INPUT.code();
            }
            if (e instanceof SweepLockedException) {
                err.println(e.getMessage());
                return ExitCode.LOCKED.code();
            }
            if (e instanceof TrialsLostException) {
                err.println("tune: " + e.getMessage());
                return ExitCode.INTERNAL.code();
            }
            if (e instanceof StoreUnavailableException) {
                err.println("tune: " + e.getMessage() + " (the journal is consistent: run the same command again to resume)");
                return ExitCode.INTERNAL.code();
            }
            err.println("tune: internal error: " + e);
            e.printStackTrace(err);
            return ExitCode.INTERNAL.code();
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
