package io.sparktune.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Bad command lines are refused like bad files: exit 2 and one line that names the flag (or, for a
 * value that the space file's checks refuse, the flag and the JSON path it sets), nothing written.
 * {space} is a valid space file, {out} a directory that must stay absent, {empty} one with no sweep.
 */
class BadFlagsTest {
    private static final String SPACE = "conf/spaces/quickstart.json";
    private static final String DURATION = "is not a duration (examples: 90s, 30m, 2h, 1h30m)";

    @TempDir
    Path tmp;

    private static Arguments run(String expected, String... flags) {
        return line(expected, Stream.concat(Stream.of("run", "--space", "{space}", "--out", "{out}"), Arrays.stream(flags)).toArray(String[]::new));
    }

    private static Arguments line(String expected, String... args) {
        return Arguments.of("tune " + String.join(" ", args), expected, args);
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                run("run: Unknown options: '--max-trails', '3' (see 'tune run --help')", "--max-trails", "3"),
                run("run: Unknown option: '--maximise' (see 'tune run --help')", "--maximise"),
                run("run: Missing required parameter for option '--max-trials' (N) (see 'tune run --help')", "--max-trials"),
                run("run: Missing required parameter for option '--param' (NAME=SPEC) (see 'tune run --help')", "--param"),
                run("run: Invalid value for option '--max-trials': 'many' is not an int (see 'tune run --help')", "--max-trials", "many"),
                run("run: Invalid value for option '--max-trials': '99999999999' is not an int (see 'tune run --help')", "--max-trials", "99999999999"),
                run("run: Invalid value for option '--parallelism': 'two' is not an int (see 'tune run --help')", "--parallelism", "two"),
                run("run: Invalid value for option '--trials-per-task': '1.5' is not an int (see 'tune run --help')", "--trials-per-task", "1.5"),
                run("run: Invalid value for option '--seed': '1.5' is not a long (see 'tune run --help')", "--seed", "1.5"),
                run("run: Invalid value for option '--dry-run': 'yes' is not a boolean (see 'tune run --help')", "--dry-run=yes"),
                run("run: option '--max-trials' (N) should be specified only once (see 'tune run --help')", "--max-trials", "3", "--max-trials", "4"),
                run("--max-trials: budget.maxTrials: must be >= 1, got -1", "--max-trials", "-1"),
                run("--max-trials: budget.maxTrials: must be >= 1, got 0", "--max-trials", "0"),
                run("--parallelism: budget.parallelism: must be >= 1, got 0", "--parallelism", "0"),
                run("--trials-per-task: budget.trialsPerTask: must be >= 1, got -3", "--trials-per-task", "-3"),
                run("--time-budget: budget.timeBudget: 'soon' " + DURATION, "--time-budget", "soon"),
                run("--time-budget: budget.timeBudget: '-5m' " + DURATION, "--time-budget", "-5m"),
                run("--time-budget: budget.timeBudget: '0' must be at least 1ms", "--time-budget", "0"),
                run("--time-budget: budget.timeBudget: '400d' is longer than 365 days", "--time-budget", "400d"),
                run("--trial-timeout: budget.trialTimeout: '1h30' " + DURATION, "--trial-timeout", "1h30"),
                run("--lock-stale: 'x' " + DURATION, "--lock-stale", "x"),
                run("--objective: loss: expected NAME:min or NAME:max, e.g. latency_ms:min", "--objective", "loss"),
                run("--objective: objectives[1].metric: duplicate objective 'loss'", "--objective", "loss:min", "--objective", "loss:max"),
                run("--objective: give --objective, or one of --metric/--mode/--min/--max, not both", "--objective", "a:min", "--max", "b"),
                run("--constraint: constraints[0].max: expected a number, got \"lots\"", "--constraint", "loss<=lots"),
                run("--constraint: constraints[1]: no value of loss keeps the constraints on it (loss>=2 and loss<=1): every trial would be infeasible"
                        + " (loss is an objective)", "--constraint", "loss<=1", "--constraint", "loss>=2"),
                run("--lock-stale: '0s' must be at least 1ms", "--lock-stale", "0s"),
                run("--param: x: expected NAME=SPEC, e.g. lr=loguniform[1e-4:1e-1]", "--param", "x"),
                run("--param: =1: expected NAME=SPEC, e.g. lr=loguniform[1e-4:1e-1]", "--param", "=1"),
                run("--param x0: params.x0: branin needs a number here, got \"\"", "--param", "x0="),
                run("--param x0: params.x0.uniform: lower bound 1.0 must be below upper bound 0.0", "--param", "x0=uniform[1:0]"),
                run("--param x0: params.x0.loguniform: lower bound must be > 0, got 0.0", "--param", "x0=loguniform[0:1]"),
                run("--param x0: params.x0: 'randint[0:99999999999999999999]': '99999999999999999999' is out of range for a whole number",
                        "--param", "x0=randint[0:99999999999999999999]"),
                run("--param x0: malformed JSON: Unexpected end-of-input within/between Array entries", "--param", "x0={\"uniform\":[0,"),
                run("--param x0: params.x0: unknown domain 'unifrom' (expected one of uniform, loguniform, quniform, randint, lograndint, normal, choice, grid)",
                        "--param", "x0={\"unifrom\":[0,1]}"),
                run("--param 1x: params.1x: parameter name '1x' must start with a letter or '_' and use letters, digits, '_', '.', '-'", "--param", "1x=3"),
                run("--searcher: searcher.type: unknown searcher 'anneal' (expected one of grid, random, sobol, tpe, gp, cmaes, nsga2, auto)",
                        "--searcher", "anneal"),
                run("--searcher: searcher.type: searcher 'evolution' was removed (it scored below tpe and cmaes on the benchmark suite); "
                        + "use tpe, or cmaes for long runs", "--searcher", "evolution"),
                run("--searcher: searcher.type: grid search expands parameters with lists of values, and every parameter that varies"
                        + " here is sampled: use random, sobol or auto, or give a parameter a list", "--searcher", "grid"),
                run("--mode: mode: mode must be 'min' or 'max', got 'sideways'", "--mode", "sideways"),
                run("--data-dir: trainable.data: unknown option for trainable 'function' (known: checkpoint, curveSpread, function, stepSeconds, steps)",
                        "--data-dir", "data"),
                run("--scheduler: scheduler.maxSteps: missing: expected a whole number >= 1", "--scheduler", "asha"),
                run("--metric: metric: expected a non-empty string", "--metric", ""),
                line("tune: nothing to do: give --space FILE to run a sweep, or a command (see 'tune --help')"),
                line("tune: Unmatched argument at index 0: 'frobnicate' (see 'tune --help')", "frobnicate"),
                line("--space: missing: give a space file, or --command with --param flags", "run"),
                run("--min/--max: give one of --min and --max, or --metric with --mode, not both", "--min", "loss", "--max", "loss"),
                line("run: Missing required parameter for option '--space' (FILE) (see 'tune run --help')", "--space"),
                line("{out}.json: no such file", "run", "--space", "{out}.json"),
                line("--space: '' is not a path: Can not create a Path from an empty string", "run", "--space", ""),
                line("--space: 'a:b' is not a path: Relative path in absolute URI: a:b", "run", "--space", "a:b"),
                line("{empty}: is a directory, not a space file", "run", "--space", "{empty}"),
                line("--out: '' is not a path: Can not create a Path from an empty string", "run", "--space", "{space}", "--out", ""),
                line("--min/--max: give one of them, not both", "compare", "--out", "{empty}", "--min", "loss", "--max", "loss"),
                line("--top: must be >= 1, got 0", "compare", "--out", "{empty}", "--top", "0"),
                line("compare: Invalid value for option '--top': 'ten' is not an int (see 'tune compare --help')", "compare", "--out", "{empty}", "--top", "ten"),
                line("compare: Missing required option: '--out=DIR' (see 'tune compare --help')", "compare"),
                line("--out: {empty}: no sweep here (no sweep.json)", "compare", "--out", "{empty}"),
                line("--out: {empty}: no sweep here (no sweep.json)", "best", "--out", "{empty}"),
                line("best: Missing required option: '--out=DIR' (see 'tune best --help')", "best"),
                line("--out: '' is not a path: Can not create a Path from an empty string", "status", "--out", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommandLines")
    void isRefusedWithOneLineNamingTheFlag(String commandLine, String expected, String[] template) throws IOException {
        Path out = tmp.resolve("sweep");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String[] args = Arrays.stream(template)
                .map(a -> a.replace("{space}", SPACE).replace("{out}", out.toString()).replace("{empty}", empty.toString()))
                .toArray(String[]::new);

        CliRun run = CliRun.tune(args);

        run.assertRefusedCleanly(commandLine);
        assertEquals(expected.replace("{out}", out.toString()).replace("{empty}", empty.toString()), run.errLine());
        assertFalse(Files.exists(out), "nothing written to --out");
        try (Stream<Path> left = Files.list(empty)) {
            assertEquals(List.of(), left.toList(), "nothing written to a directory with no sweep");
        }
    }
}
