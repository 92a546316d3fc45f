package io.sparktune.bench;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.search.Searcher;
import io.sparktune.search.Searchers;
import io.sparktune.space.Space;
import io.sparktune.train.function.BenchmarkFunction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * SparkTune's searchers on the problems of {@code bench/suite.tsv} (issue 16), one CSV row per run:
 * the noise-free value at the config with the lowest value the searcher saw. {@code bench/suite_peer.py}
 * writes the same rows for Optuna's samplers and {@code bench/suite_report.py} turns both into the
 * tables of docs/benchmarks.md.
 *
 * <pre>
 *   bench/suite.sh [--half dev|held|all] [--problems a,b] [--searchers random,tpe,gp,cmaes] [--parallelism 1]
 *                  [--seeds 10] [--from 1000] [--threads 2] [--budget-per-dim 0] [--suite bench/suite.tsv]
 * </pre>
 *
 * <p>A searcher named {@code a>b} is {@code a} for the first 10·d finished trials and {@code b} after (see
 * {@link #create}). {@code --budget-per-dim N} replaces every problem's budget by N times its dimension. Runs are the
 * sweeps of {@link SweepSimulation}: with parallelism p, p trials in flight and a random one finishing.
 */
public final class SuiteBenchmark {

    /** One line of bench/suite.tsv (or another file in its format, such as bench/suite-fresh.tsv). */
    record Problem(String name, BenchmarkFunction function, double[] low, double[] high, int budget, double noise, double optimum,
            String half) {

        static Problem parse(Path file, String line) {
            String[] f = line.split("\t");
            int dims = Integer.parseInt(f[2]);
            BenchmarkFunction function = BenchmarkFunction.byLabel(f[1]);
            if (function == null) {
                throw new IllegalArgumentException(file + ": unknown function '" + f[1] + "' for " + f[0]);
            }
            return new Problem(f[0], function, bounds(f[3], dims), bounds(f[4], dims), Integer.parseInt(f[5]),
                    Double.parseDouble(f[6]), Double.parseDouble(f[7]), f[8]);
        }

        private static double[] bounds(String text, int dims) {
            double[] values = Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
            if (values.length == 1) {
                double[] filled = new double[dims];
                Arrays.fill(filled, values[0]);
                return filled;
            }
            return values;
        }

        int dims() {
            return low.length;
        }

        Space space() {
            return SearcherBenchmark.box(low, high);
        }

        double value(Config config) {
            return function.evaluate(config, 0);
        }

        /** What a searcher sees: the value, plus Gaussian noise from this run's own stream where the problem is noisy. */
        ToDoubleFunction<Config> observed(long seed) {
            SplittableRandom noiseStream = new SplittableRandom(seed ^ 0x5DEECE66DL);
            return config -> value(config) + (noise == 0 ? 0 : noise * noiseStream.nextGaussian());
        }
    }

    static List<Problem> suite(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        return lines.subList(1, lines.size()).stream().map(line -> Problem.parse(file, line)).toList();
    }

    public static void main(String[] args) throws Exception {
        String half = "all";
        List<String> problems = null;
        List<String> searchers = List.of("random", "tpe", "gp", "cmaes");
        List<Integer> parallelisms = List.of(1);
        int seeds = 10;
        long from = 1000;
        int threads = 2;
        int budgetPerDim = 0;
        Path suiteFile = Path.of("bench/suite.tsv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--half" -> half = args[++i];
                case "--problems" -> problems = List.of(args[++i].split(","));
                case "--searchers" -> searchers = List.of(args[++i].split(","));
                case "--parallelism" -> parallelisms = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--from" -> from = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--budget-per-dim" -> budgetPerDim = Integer.parseInt(args[++i]);
                case "--suite" -> suiteFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        System.out.println(CSV_HEADER);
        for (Problem listed : suite(suiteFile)) {
            if (!(half.equals("all") || half.equals(listed.half())) || (problems != null && !problems.contains(listed.name()))) {
                continue;
            }
            Problem problem = budgetPerDim > 0 ? new Problem(listed.name(), listed.function(), listed.low(), listed.high(),
                    budgetPerDim * listed.dims(), listed.noise(), listed.optimum(), listed.half()) : listed;
            for (int parallelism : parallelisms) {
                for (String type : searchers) {
                    List<Future<String>> rows = new ArrayList<>();
                    for (int s = 0; s < seeds; s++) {
                        long seed = from + s;
                        rows.add(pool.submit(() -> row(problem, type, parallelism, seed)));
                    }
                    for (Future<String> row : rows) {
                        System.out.println(row.get());
                    }
                    System.out.flush();
                }
            }
        }
        pool.shutdown();
    }

    private static String row(Problem problem, String type, int parallelism, long seed) {
        Space space = problem.space();
        Searcher searcher = create(type, space, seed, problem.dims());
        SweepSimulation sweep = new SweepSimulation(searcher, problem.observed(seed));
        sweep.run(problem.budget(), parallelism, seed);
        double[] millis = sweep.suggestNanos().stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        return csvRow(problem.name(), problem.half(), type, parallelism, problem.budget(), seed, problem.value(sweep.incumbent()),
                problem.optimum(), millis[millis.length / 2]);
    }

    /**
     * A searcher by its benchmark name; {@code first>then} is a hand-over like auto's: {@code first} while fewer than
     * 10·d trials have finished, {@code then} after, told the whole history (gp>cmaes: does cmaes pick up where gp left off?).
     */
    private static Searcher create(String type, Space space, long seed, int dims) {
        int arrow = type.indexOf('>');
        if (arrow < 0) {
            return Searchers.validate(SearcherBenchmark.spec(type), space, "searcher").create(space, seed);
        }
        Searcher first = create(type.substring(0, arrow), space, seed, dims);
        Searcher then = create(type.substring(arrow + 1), space, seed, dims);
        return new Searcher() {
            @Override
            public boolean learns() {
                return true;
            }

            @Override
            public List<Config> suggest(int count, History history) {
                return (history.observations().size() < 10 * dims ? first : then).suggest(count, history);
            }
        };
    }

    static final String CSV_HEADER = "problem,half,searcher,parallelism,budget,seed,best,optimum,suggest_ms";

    /** One run as bench/suite_report.py reads it; an unknown optimum is NaN (the report takes the best any run found). */
    static String csvRow(String problem, String half, String searcher, int parallelism, int budget, long seed, double best,
            double optimum, double suggestMillis) {
        return String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%.10g,%.17g,%.4g", problem, half, searcher, parallelism, budget, seed, best,
                optimum, suggestMillis);
    }
}
