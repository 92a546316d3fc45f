package io.sparktune.bench;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;
import io.sparktune.core.PluginSpec;
import io.sparktune.core.TrialStatus;
import io.sparktune.search.Searcher;
import io.sparktune.search.Searchers;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;
import io.sparktune.train.function.BenchmarkFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Final simple regret of each searcher on standard test functions over many seeds, and suggestion
 * times at large histories.
 *
 * <pre>
 *   bench/searchers.sh [--seeds 20] [--threads 2] [--searchers random,gp] [--problems branin] [--parallel gp,tpe] [--no-timing]
 * </pre>
 */
public final class SearcherBenchmark {

    record Problem(String name, BenchmarkFunction function, double[] low, double[] high, int budget) {
        static Problem cube(String name, BenchmarkFunction function, double low, double high, int dims, int budget) {
            double[] lows = new double[dims];
            double[] highs = new double[dims];
            Arrays.fill(lows, low);
            Arrays.fill(highs, high);
            return new Problem(name, function, lows, highs, budget);
        }

        Space space() {
            List<Parameter> params = new ArrayList<>();
            for (int i = 0; i < low.length; i++) {
                params.add(new Parameter("x" + i, new Uniform(low[i], high[i])));
            }
            return new Space(params);
        }

        double regret(Config config) {
            return function.evaluate(config, 0) - function.minimum();
        }
    }

    private static final List<Problem> PROBLEMS = List.of(
            new Problem("branin", BenchmarkFunction.BRANIN, new double[] {-5, 0}, new double[] {10, 15}, 50),
            Problem.cube("hartmann6", BenchmarkFunction.HARTMANN6, 0, 1, 6, 100),
            Problem.cube("levy6", BenchmarkFunction.LEVY, -10, 10, 6, 100),
            Problem.cube("rosenbrock4", BenchmarkFunction.ROSENBROCK, -5, 10, 4, 100));

    public static void main(String[] args) throws Exception {
        int seeds = 20;
        int threads = 2;
        List<String> searchers = List.of("random", "sobol", "tpe", "gp", "evolution", "auto");
        List<String> problems = PROBLEMS.stream().map(Problem::name).toList();
        List<String> parallel = List.of("gp", "tpe");
        boolean timing = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--searchers" -> searchers = args[++i].isEmpty() ? List.of() : List.of(args[i].split(","));
                case "--problems" -> problems = List.of(args[++i].split(","));
                case "--parallel" -> parallel = args[++i].isEmpty() ? List.of() : List.of(args[i].split(","));
                case "--no-timing" -> timing = false;
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        System.out.printf(Locale.ROOT, "seeds=%d threads=%d cores=%d%n", seeds, threads, Runtime.getRuntime().availableProcessors());
        System.out.println("| problem (budget) | searcher | parallelism | median regret | q25 | q75 | median suggest ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (Problem problem : PROBLEMS) {
            if (!problems.contains(problem.name())) {
                continue;
            }
            for (String type : searchers) {
                report(pool, problem, type, 1, seeds);
            }
            for (String type : parallel) {
                report(pool, problem, type, 4, seeds);
            }
        }
        pool.shutdown();
        if (timing) {
            System.out.println();
            System.out.println("| searcher | observations | dims | median suggest ms |");
            System.out.println("| --- | --- | --- | --- |");
            timeAt("gp", 100, 10);
            timeAt("gp", 1000, 10);
            timeAt("tpe", 10_000, 10);
        }
    }

    private static void report(ExecutorService pool, Problem problem, String type, int parallelism, int seeds) throws Exception {
        List<Future<double[]>> runs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            long seed = 1000L + s;
            runs.add(pool.submit(() -> {
                Searcher searcher = Searchers.create(PluginSpec.of(type), problem.space(), seed);
                SweepSimulation sweep = new SweepSimulation(searcher, problem::regret);
                double regret = sweep.run(problem.budget(), parallelism, seed);
                return new double[] {regret, median(sweep.suggestNanos().stream().mapToDouble(n -> n / 1e6).toArray())};
            }));
        }
        double[] regrets = new double[seeds];
        double[] millis = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            double[] result = runs.get(s).get();
            regrets[s] = result[0];
            millis[s] = result[1];
        }
        Arrays.sort(regrets);
        System.out.printf(Locale.ROOT, "| %s (%d) | %s | %d | %.4g | %.4g | %.4g | %.3g |%n", problem.name(), problem.budget(), type,
                parallelism, quantile(regrets, 0.5), quantile(regrets, 0.25), quantile(regrets, 0.75), median(millis));
    }

    /** Median time of 11 suggestions, after 10 to warm the JIT up, after {@code n} random observations of levy in {@code dims} dimensions. */
    private static void timeAt(String type, int n, int dims) {
        Problem levy = Problem.cube("levy", BenchmarkFunction.LEVY, -10, 10, dims, n);
        Space space = levy.space();
        History history = new History();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            double[] u = random.doubles(dims).toArray();
            Config config = space.fromUnit(u);
            history.started(i, config, true);
            history.finished(i);
            history.observe(new Observation(i, config, levy.regret(config), TrialStatus.COMPLETED, 1));
        }
        Searcher searcher = Searchers.create(PluginSpec.of(type), space, 1);
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            searcher.suggest(1, history);
        }
        double[] millis = new double[11];
        for (int r = 0; r < millis.length; r++) {
            long start = System.nanoTime();
            searcher.suggest(1, history);
            millis[r] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f |%n", type, n, dims, median(millis));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    /** Linear interpolation between order statistics, as numpy's default. */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
