package io.sparktune.cli;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepOutcome;
import io.sparktune.api.SweepPreview;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.Trial;
import io.sparktune.core.Durations;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecFlag;
import io.sparktune.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a sweep, or resumes it.",
                "Re-running the same command on the same --out carries on where the last run stopped. Flags override the space file."},
        footer = {"", "Examples:",
                "  tune run --space conf/spaces/quickstart.json",
                "  tune run --space grid.json --out hdfs:///sweeps/a --time-budget 2h",
                "  tune run --space s.json --param lr=loguniform[1e-5:1e-1] \\",
                "      --param layers=[1,2,3] --dry-run",
                "  tune run --command \"python3 conf/examples/train.py\" \\",
                "      --param x=linspace[-2:2:9] --param noise=0.1 --min loss",
                "", "Parameter specs: [-1,0,1]  2,5,6  0:3  0.01:0.01:0.1  1e-5:l5:0.1",
                "  linspace[a:b:n]  logspace[a:b:n]  [a:b] or uniform[a:b]  loguniform[a:b]",
                "  randint[a:b]  normal[mu:sigma], or a JSON object (docs/space-format.md)."})
final class RunCommand implements Callable<Integer> {
    private static final int PREVIEW_LINES = 50;

    @ParentCommand
    TuneCommand tune;

    @Spec
    CommandSpec commandSpec;

    @Option(names = "--space", paramLabel = "FILE", description = "The space file (JSON): parameters, trainable, searcher, budget.")
    String space;

    @Option(names = "--command", paramLabel = "LINE",
            description = "Run this program as each trial, e.g. \"python3 train.py\": flags --NAME VALUE, or $${NAME} in LINE; scalars read from 'name: value' lines. Split into words like a shell would quote it; no shell runs.")
    String command;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep directory: hdfs://..., file://... or a path (default: sweeps/NAME).")
    String out;

    @Option(names = "--param", paramLabel = "NAME=SPEC", description = "Adds or replaces a parameter (repeatable).")
    List<String> params = List.of();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where a network or xgboost trainable's relative data paths are (trainable.data.dir).")
    String dataDir;

    @Option(names = "--searcher", paramLabel = "TYPE", description = "grid, random, sobol, tpe, gp, cmaes, nsga2 or auto (default: grid for all-list spaces, else auto, which with several objectives or constraints runs gp below 500 trials, then nsga2; with 3 objectives or more, tpe instead of nsga2, and instead of gp when there are constraints).")
    String searcher;

    @Option(names = "--scheduler", paramLabel = "TYPE",
            description = "fifo, asha, hyperband, median or pbt; its options come from the space file's scheduler (docs/schedulers.md). With several objectives they rank trials by Pareto rank, then crowding distance, then hypervolume contribution (MO-ASHA).")
    String scheduler;

    @Option(names = "--max-trials", paramLabel = "N", description = "How many trials to run in all.")
    Integer maxTrials;

    @Option(names = "--parallelism", paramLabel = "N", description = "Trials at a time (default: the cluster's cores / cpus per trial).")
    Integer parallelism;

    @Option(names = "--cpus", paramLabel = "N", description = "Cores per trial (resources.cpus; default 1).")
    Integer cpus;

    @Option(names = "--gpus", paramLabel = "G", description = "GPUs per trial (resources.gpus); 0.5 puts two trials on one GPU.")
    Double gpus;

    @Option(names = "--trials-per-task", paramLabel = "N", description = {"Trials one Spark task runs in turn. Default: 1 with a learning searcher (tpe, gp, cmaes, nsga2, auto) outside hyperband/pbt rounds,"
                    + " so that each suggestion sees every result; with others, trials shorter than 1 s are packed into tasks of about 2 s.",
                    "Set with a learning searcher, it trades feedback for throughput: all N trials of a task are suggested before any reports."})
    Integer trialsPerTask;

    @Option(names = "--seed", paramLabel = "N", description = "The master seed; every trial's seed derives from it.")
    Long seed;

    @Option(names = "--metric", paramLabel = "NAME", description = "The metric to optimise (default: loss).")
    String metric;

    @Option(names = "--mode", paramLabel = "min|max", description = "Minimise or maximise the metric (default: min).")
    String mode;

    @Option(names = "--min", paramLabel = "METRIC", description = "Minimise this metric: --metric METRIC --mode min.")
    String min;

    @Option(names = "--max", paramLabel = "METRIC", description = "Maximise this metric: --metric METRIC --mode max.")
    String max;

    @Option(names = "--objective", paramLabel = "NAME:min|max",
            description = "One of several objectives, e.g. --objective val_accuracy:max --objective latency_ms:min (repeatable; replaces --metric/--mode).")
    List<String> objectives = List.of();

    @Option(names = "--constraint", paramLabel = "NAME<=V",
            description = "A bound a feasible trial keeps, e.g. 'memory_mb<=2048' or 'recall>=0.9' (repeatable); a trial without the metric is infeasible.")
    List<String> constraints = List.of();

    @Option(names = "--time-budget", paramLabel = "DURATION", description = "End this run cleanly after e.g. 30m or 2h; exit 75 if work is left.")
    String timeBudget;

    @Option(names = "--trial-timeout", paramLabel = "DURATION", description = "A trial running longer fails.")
    String trialTimeout;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not under spark-submit (default: local[*]).")
    String master;

    @Option(names = "--lock-stale", paramLabel = "DURATION", defaultValue = "60s",
            description = "Take over a lock with no heartbeat for this long (default: ${DEFAULT-VALUE}).")
    String lockStale;

    @Option(names = "--restart-from", paramLabel = "DIR",
            description = "Seed a new sweep's searcher with the results of the sweep in DIR whose configs fit this space; sweep.json remembers DIR for re-runs.")
    String restartFrom;

    @Option(names = "--retry-failed",
            description = "Run the sweep's FAILED trials again (same ids and configs, next attempt), then go on as usual; their new results replace the failed ones.")
    boolean retryFailed;

    @Option(names = "--dry-run", description = "Print the trials that would run, and run nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        SweepSpec spec = spec();
        PrintStream console = tune.out;
        if (dryRun) {
            return preview(spec, console);
        }
        Duration stale = Flags.duration("--lock-stale", lockStale);
        SweepOutcome outcome;
        try {
            outcome = SparkTune.run(spec, new RunOptions(out, master, stale, console, RunOptions.DEFAULT_PROGRESS_MILLIS, restartFrom,
                    retryFailed));
        } catch (InvalidInputException e) {
            // What only the run finds out, reading the data, names the spec's JSON path; the space file is where to fix it.
            throw e.source() == null ? e.in(space != null ? space : "--command") : e;
        }
        printSummary(spec, outcome, console);
        return outcome.exitCode().code();
    }

    private SweepSpec spec() {
        if (space != null) {
            return SparkTune.spec(space, overrides());
        }
        if (command == null) {
            throw new InvalidInputException("--space", "", "missing: give a space file, or --command with --param flags");
        }
        return SparkTune.commandSpec(command, overrides());
    }

    /** Each flag of {@link SpecFlag}'s table that was given, by its name, then --min/--max and --param. */
    private Overrides overrides() {
        Overrides o = new Overrides();
        for (SpecFlag flag : SpecFlag.values()) {
            o.set(flag, commandSpec.findOption(flag.flag()).getValue());
        }
        if (min != null || max != null) {
            if ((min != null) == (max != null) || metric != null || mode != null) {
                throw new InvalidInputException("--min/--max", "", "give one of --min and --max, or --metric with --mode, not both");
            }
            o.optimise(min != null ? min : max, min != null ? Objective.Mode.MIN : Objective.Mode.MAX);
        }
        if (!objectives.isEmpty() && (metric != null || mode != null || min != null || max != null)) {
            throw new InvalidInputException("--objective", "", "give --objective, or one of --metric/--mode/--min/--max, not both");
        }
        o.objectives(objectives).constraints(constraints);
        for (String param : params) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("--param", param, "expected NAME=SPEC, e.g. lr=loguniform[1e-4:1e-1]");
            }
            o.param(param.substring(0, eq), param.substring(eq + 1));
        }
        return o;
    }

    private int preview(SweepSpec spec, PrintStream console) {
        SweepPreview preview = SparkTune.preview(spec, out, PREVIEW_LINES);
        List<Trial> trials = preview.trials();
        console.println("sweep " + spec.name() + ": " + preview.planned() + " trials, " + spec.searcher().type() + " search, " + (spec.goals().several() ? "objectives " : "metric ")
                + spec.goals().label() + constraintsLabel(spec) + ", seed " + preview.seed() + switch (preview.seedSource()) {
                    case SWEEP -> " (the sweep's in --out, which a run resumes)";
                    case SPEC -> "";
                    case DRAWN -> " (drawn for this preview: a run without --seed draws its own; add --seed " + preview.seed()
                            + " to run these trials)";
                });
        for (Trial t : trials) {
            console.println("  trial " + t.id() + ": " + t.config());
        }
        if (preview.planned() > trials.size()) {
            console.println("  ... " + (preview.planned() - trials.size()) + " more" + (trials.size() < PREVIEW_LINES
                    ? " (suggested from results as the sweep runs)" : ""));
        }
        return 0;
    }

    private static String constraintsLabel(SweepSpec spec) {
        return spec.goals().constraints().isEmpty() ? ""
                : " subject to " + String.join(", ", spec.goals().constraints().stream().map(c -> c.label()).toList());
    }

    private static void printSummary(SweepSpec spec, SweepOutcome outcome, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d/%d trials done (%d completed, %d stopped, %d failed) in %s%n",
                switch (outcome.exitCode()) {
                    case NO_SUCCESS -> "no trial succeeded";
                    case OUT_OF_TIME -> "time budget reached, run again to continue";
                    default -> "complete";
                },
                outcome.counts().done(), outcome.total(), outcome.counts().completed(), outcome.counts().stopped(), outcome.counts().failed(),
                Durations.format(outcome.elapsed()));
        if (outcome.best() != null) {
            String metric = spec.objective().metric();
            // With several objectives the answer is the front, which this one trial need not even be on.
            out.println((spec.goals().several() ? "best by " + metric + ", the first objective ('tune best' prints the Pareto front): " : "best: ")
                    + "trial " + outcome.best().id() + " " + metric + "=" + outcome.best().metrics().get(metric) + "  " + outcome.best().config());
        }
    }
}
