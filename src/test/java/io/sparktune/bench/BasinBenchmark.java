package io.sparktune.bench;

import io.sparktune.core.Config;
import io.sparktune.core.Observation;
import io.sparktune.search.Searcher;
import io.sparktune.search.Searchers;
import io.sparktune.space.Space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Does a searcher converge in a basin it has found, and reach an optimum on the box's edge (issue 16)?
 * Two problems in the unit cube, both with known minima:
 * <ul>
 *   <li>{@code edge}: a 4-d quadratic whose centre lies outside the box on two coordinates, so its
 *       minimum (0) lies on two faces at once;</li>
 *   <li>{@code basins}: the sum of sin²(2.5π (x_i − 0.13)) in 3 dimensions, 27 basins whose floors are all
 *       the global minimum 0 (x_i in {0.13, 0.53, 0.93}): any basin found, refined, is the optimum, so the
 *       regret measures precision inside a basin rather than the luck of finding the best one.</li>
 * </ul>
 * Prints, per problem and searcher, the median over seeds of the best regret so far after every
 * tenth trial (parallelism 1).
 *
 * <pre>
 *   bench/basins.sh [--searchers gp,tpe,cmaes] [--seeds 5] [--from 1000] [--budget 80]
 * </pre>
 */
public final class BasinBenchmark {
    private static final double[] EDGE_CENTRE = {-0.3, 0.6, 1.2, 0.4};
    /** The quadratic's lowest value in the box: 0.3² from x0 = 0 and 0.2² from x2 = 1. */
    private static final double EDGE_MINIMUM = 0.3 * 0.3 + 0.2 * 0.2;

    /** Puts the basins' floors at 0.13, 0.53 and 0.93, inside the box: a floor on a face would be found exactly by a corner point. */
    private static final double BASIN_PHASE = 0.13;

    private record Problem(String name, int dims, ToDoubleFunction<Config> regret) {
    }

    private static final List<Problem> PROBLEMS = List.of(
            new Problem("edge", 4, config -> {
                double sum = 0;
                for (int i = 0; i < 4; i++) {
                    double v = config.getDouble("x" + i) - EDGE_CENTRE[i];
                    sum += v * v;
                }
                return sum - EDGE_MINIMUM;
            }),
            new Problem("basins", 3, config -> {
                double sum = 0;
                for (int i = 0; i < 3; i++) {
                    double v = Math.sin(2.5 * Math.PI * (config.getDouble("x" + i) - BASIN_PHASE));
                    sum += v * v;
                }
                return sum;
            }));

    public static void main(String[] args) {
        List<String> searchers = List.of("gp", "tpe", "cmaes");
        int seeds = 5;
        long from = 1000;
        int budget = 80;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--searchers" -> searchers = List.of(args[++i].split(","));
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--from" -> from = Long.parseLong(args[++i]);
                case "--budget" -> budget = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        List<String> columns = new ArrayList<>();
        for (int t = 10; t <= budget; t += 10) {
            columns.add(String.valueOf(t));
        }
        System.out.println("| problem | searcher | " + String.join(" | ", columns) + " |");
        System.out.println("| --- | --- | " + "--- | ".repeat(columns.size()));
        for (Problem problem : PROBLEMS) {
            double[] low = new double[problem.dims()];
            double[] high = new double[problem.dims()];
            Arrays.fill(high, 1);
            Space space = SearcherBenchmark.box(low, high);
            for (String type : searchers) {
                double[][] trajectories = new double[seeds][];
                for (int s = 0; s < seeds; s++) {
                    long seed = from + s;
                    Searcher searcher = Searchers.validate(SearcherBenchmark.spec(type), space, "searcher").create(space, seed);
                    SweepSimulation sweep = new SweepSimulation(searcher, problem.regret());
                    sweep.run(budget, 1, seed);
                    trajectories[s] = bestSoFar(sweep.history().observations(), budget);
                }
                StringBuilder row = new StringBuilder("| " + problem.name() + " | " + type + " |");
                for (int t = 10; t <= budget; t += 10) {
                    int at = t - 1;
                    double[] values = Arrays.stream(trajectories).mapToDouble(trajectory -> trajectory[at]).toArray();
                    row.append(String.format(Locale.ROOT, " %.2g |", SearcherBenchmark.median(values)));
                }
                System.out.println(row);
            }
        }
    }

    private static double[] bestSoFar(List<Observation> observations, int budget) {
        double[] best = new double[budget];
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < budget; i++) {
            lowest = Math.min(lowest, observations.get(i).loss());
            best[i] = lowest;
        }
        return best;
    }
}
