package io.sparktune.bench;

import io.sparktune.core.Config;
import io.sparktune.core.Constraint;
import io.sparktune.core.Goals;
import io.sparktune.core.History;
import io.sparktune.core.Objective;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.pareto.Hypervolume;
import io.sparktune.search.Searcher;
import io.sparktune.search.Searchers;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;
import io.sparktune.train.problem.TestProblem;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Final hypervolume of each searcher on the multi-objective test problems (BoTorch's definitions and
 * reference points), over many seeds, sequentially and at parallelism 4. The searcher is driven as the
 * engine drives it: it suggests for free slots, each batch's results are observed with every
 * objective's loss and the constraints' violation, and only feasible trials count towards the volume.
 * At parallelism 4 the first batch is 4 + budget mod 4 trials (Branin-Currin: 6, then 20 batches of
 * 4, as BoTorch's tutorial).
 *
 * <pre>
 *   bench/pareto.sh [--seeds 20] [--from 1000] [--threads 2] [--searchers random,sobol,nsga2,tpe,gp] [--problems zdt1,dtlz2] [--parallel 1,4]
 *   bench/pareto.sh --time-suggestions 150 --searchers gp --problems zdt1   time of one suggest(q) per parallelism instead
 *   --trace 25: also every 25 trials of every run, the seconds (wall and CPU) since it began and the hypervolume so far (as bench/pareto_peer.py --trace)
 * </pre>
 */
public final class ParetoBenchmark {

    public record Problem(TestProblem problem, int dims, int budget) {
        String name() {
            return problem.label();
        }

        Space space() {
            List<Parameter> params = new ArrayList<>();
            for (int i = 0; i < dims; i++) {
                params.add(new Parameter("x" + i, new Uniform(0, 1)));
            }
            return new Space(params);
        }

        Goals goals() {
            List<Objective> objectives = new ArrayList<>();
            for (int i = 1; i <= problem.objectiveCount(); i++) {
                objectives.add(new Objective("f" + i, Objective.Mode.MIN));
            }
            List<Constraint> constraints = problem == TestProblem.C2_DTLZ2
                    ? List.of(new Constraint("c", Double.NEGATIVE_INFINITY, 0)) : List.of();
            return new Goals(objectives, constraints);
        }
    }

    public static final List<Problem> PROBLEMS = List.of(
            new Problem(TestProblem.ZDT1, 6, 200),
            new Problem(TestProblem.ZDT2, 6, 200),
            new Problem(TestProblem.DTLZ2, 6, 250),
            new Problem(TestProblem.BRANIN_CURRIN, 2, 86),
            new Problem(TestProblem.C2_DTLZ2, 4, 100));

    public static void main(String[] args) throws Exception {
        int seeds = 20;
        long from = 1000;
        int threads = 2;
        List<String> searchers = List.of("random", "sobol", "nsga2", "tpe", "gp");
        List<String> problems = PROBLEMS.stream().map(Problem::name).toList();
        List<Integer> parallel = List.of(1, 4);
        int timeAt = 0;
        int trace = 0;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
                case "--from" -> from = Long.parseLong(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--searchers" -> searchers = List.of(args[i + 1].split(","));
                case "--problems" -> problems = List.of(args[i + 1].split(","));
                case "--parallel" -> parallel = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--trace" -> trace = Integer.parseInt(args[i + 1]);
                case "--time-suggestions" -> timeAt = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        if (timeAt > 0) {
            System.out.println("| problem | searcher | observations | q | median CPU ms per suggest(q) |");
            System.out.println("| --- | --- | --- | --- | --- |");
            for (Problem problem : PROBLEMS) {
                if (problems.contains(problem.name())) {
                    for (String type : searchers) {
                        for (int q : parallel) {
                            timeSuggestions(problem, type, timeAt, q);
                        }
                    }
                }
            }
            return;
        }
        System.out.printf(Locale.ROOT, "%d seeds from %d; %d threads%n%n", seeds, from, threads);
        if (trace > 0) {
            System.out.println("| trace | problem | searcher | parallelism | seed | trials | seconds | CPU seconds | hypervolume so far |");
        }
        System.out.println("| problem (budget) | searcher | parallelism | median hypervolume | 90% interval of the median | q25 | q75 |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Problem problem : PROBLEMS) {
                if (!problems.contains(problem.name())) {
                    continue;
                }
                for (int q : parallel) {
                    for (String type : searchers) {
                        List<Future<Double>> runs = new ArrayList<>();
                        for (long seed = from; seed < from + seeds; seed++) {
                            long s = seed;
                            int every = trace;
                            runs.add(pool.submit(() -> run(problem, type, q, s, every)));
                        }
                        double[] volumes = new double[runs.size()];
                        for (int k = 0; k < volumes.length; k++) {
                            volumes[k] = runs.get(k).get();
                        }
                        print(problem, type, q, volumes);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** One sweep of {@code budget} trials; its feasible trials' hypervolume against the problem's reference point. */
    public static double run(Problem problem, String type, int parallelism, long seed) {
        return run(problem, type, parallelism, seed, 0);
    }

    /** As above; every {@code trace} trials (if positive) it prints the seconds (wall, and CPU of its thread) since it began and the hypervolume so far. */
    static double run(Problem problem, String type, int parallelism, long seed, int trace) {
        long started = System.nanoTime();
        long startedCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Space space = problem.space();
        Goals goals = problem.goals();
        Searcher searcher = Searchers.validate(SearcherBenchmark.spec(type), space, "searcher").create(space, seed);
        History history = new History();
        List<double[]> feasible = new ArrayList<>();
        int batch = parallelism == 1 ? 1 : parallelism + problem.budget() % parallelism;
        while (history.created() < problem.budget()) {
            List<Config> configs = searcher.suggest(Math.min(batch, problem.budget() - history.created()), history);
            int first = history.created();
            for (int i = 0; i < configs.size(); i++) {
                history.started(first + i, configs.get(i), searcher.learns());
            }
            for (int i = 0; i < configs.size(); i++) {
                double[] losses = observe(problem, goals, history, first + i, configs.get(i), seed, searcher.learns());
                if (losses != null) {
                    feasible.add(losses);
                }
                if (trace > 0 && (first + i + 1) % trace == 0) {
                    System.out.printf(Locale.ROOT, "| trace | %s | %s | %d | %d | %d | %.1f | %.1f | %.4f |%n", problem.name(), type, parallelism, seed,
                            first + i + 1, (System.nanoTime() - started) / 1e9,
                            (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - startedCpu) / 1e9,
                            Hypervolume.of(feasible, problem.problem().reference()));
                }
            }
            batch = parallelism;
        }
        return Hypervolume.of(feasible, problem.problem().reference());
    }

    /** Evaluates a started trial and tells the history its result; its losses when it is feasible, else null. */
    private static double[] observe(Problem problem, Goals goals, History history, int id, Config config, long seed, boolean learns) {
        double[] x = new double[problem.dims()];
        for (int j = 0; j < x.length; j++) {
            x[j] = config.getDouble("x" + j);
        }
        Map<String, Double> metrics = problem.problem().evaluate(x);
        TrialResult result = new TrialResult(id, config, seed, TrialStatus.COMPLETED, metrics, 1, 0, 0, "bench", null, 1);
        double[] losses = goals.losses(result).orElseThrow();
        double violation = goals.feasibility(result).violation();
        history.finished(id);
        if (learns) {
            history.observe(new Observation(id, config, losses[0], TrialStatus.COMPLETED, 1, losses, violation, goals.margins(result)));
        }
        return violation == 0 ? losses : null;
    }

    /**
     * Median CPU time of the calling thread over 5 calls of {@code suggest(q)} (a suggestion runs on
     * that thread alone; wall time on a shared, loaded machine measures the load), after 3 to warm the JIT up, with {@code n}
     * finished trials: a third at uniform random points, the rest at random points near the Pareto set
     * (every coordinate but the first within 0.01 of its optimum, 0 for ZDT, 0.5 for DTLZ), so that the
     * front holds about as many points as a run that has converged, as gp's do.
     */
    private static void timeSuggestions(Problem problem, String type, int n, int q) {
        Space space = problem.space();
        Goals goals = problem.goals();
        History history = new History();
        SplittableRandom random = new SplittableRandom(7);
        double optimum = problem.problem() == TestProblem.ZDT1 || problem.problem() == TestProblem.ZDT2 ? 0 : 0.5;
        for (int i = 0; i < n; i++) {
            double[] u = random.doubles(problem.dims()).toArray();
            if (i >= n / 3) {
                for (int j = problem.problem().objectiveCount() - 1; j < u.length; j++) {
                    u[j] = Math.min(1, Math.max(0, optimum + 0.02 * (u[j] - 0.5)));
                }
            }
            Config config = space.fromUnit(u);
            history.started(i, config, true);
            observe(problem, goals, history, i, config, 7, true);
        }
        Searcher searcher = Searchers.validate(SearcherBenchmark.spec(type), space, "searcher").create(space, 1);
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            searcher.suggest(q, history);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] millis = new double[5];
        for (int r = 0; r < millis.length; r++) {
            long start = cpu.getCurrentThreadCpuTime();
            searcher.suggest(q, history);
            millis[r] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.0f |%n", problem.name(), type, n, q, SearcherBenchmark.median(millis));
    }

    private static void print(Problem problem, String type, int parallelism, double[] volumes) {
        double[] sorted = volumes.clone();
        Arrays.sort(sorted);
        double[] interval = SearcherBenchmark.medianInterval(volumes);
        System.out.printf(Locale.ROOT, "| %s (%d) | %s | %d | %.4f | %.4f–%.4f | %.4f | %.4f |%n", problem.name(), problem.budget(), type,
                parallelism, SearcherBenchmark.quantile(sorted, 0.5), interval[0], interval[1],
                SearcherBenchmark.quantile(sorted, 0.25), SearcherBenchmark.quantile(sorted, 0.75));
    }
}
