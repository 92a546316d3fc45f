package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.core.Observation;
import io.sparktune.core.Trial;
import io.sparktune.pareto.Candidate;
import io.sparktune.pareto.Ranking;
import io.sparktune.space.Space;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * NSGA-II (Deb et al. 2002) made asynchronous: there are no generations to wait for. Each
 * suggestion ranks every finished trial by non-dominated sorting under Deb's constrained domination
 * (feasible before infeasible, smaller violation first), then crowding distance; the best
 * {@code population} of them are the parents (elitist survival, as NSGA-II's (μ+λ) selection), two
 * binary tournaments pick a pair, and the child is their simulated binary crossover, then a
 * polynomial mutation. Until {@code population} trials have finished it samples a Sobol design.
 * Categories cross over uniformly and mutate by a fresh draw.
 */
final class Nsga2Searcher implements Searcher {
    static final int DEFAULT_POPULATION = 20;
    /** Deb's usual distribution indices: children near their parents, mutations small. */
    private static final double CROSSOVER_ETA = 15;
    private static final double MUTATION_ETA = 20;
    private static final double CROSSOVER_PROBABILITY = 0.9;

    private final UnitEncoding encoding;
    private final long seed;
    private final int population;
    private final SobolSearcher design;

    Nsga2Searcher(Space space, long seed, int population) {
        this.encoding = new UnitEncoding(space);
        this.seed = seed;
        this.population = population;
        this.design = new SobolSearcher(space, seed);
    }

    @Override
    public boolean learns() {
        return true;
    }

    @Override
    public List<Config> suggest(int count, History history) {
        List<Observation> observed = history.observations();
        List<Config> out = new ArrayList<>(count);
        if (observed.size() < population) {
            for (int i = 0; i < count; i++) {
                out.add(design.pointAt(history.created() + i));
            }
            return out;
        }
        List<double[]> parents = parents(observed);
        for (int i = 0; i < count; i++) {
            SplittableRandom random = new SplittableRandom(Trial.seedFor(seed, history.created() + i));
            double[] child = crossover(tournament(parents, random), tournament(parents, random), random);
            out.add(encoding.decode(mutate(child, random)));
        }
        return out;
    }

    /** The best {@code population} finished trials, best first, in the unit cube. */
    private List<double[]> parents(List<Observation> observed) {
        List<Candidate> candidates = new ArrayList<>();
        for (Observation o : observed) {
            candidates.add(new Candidate(o.trialId(), o.losses(), o.violation()));
        }
        List<Integer> order = Ranking.of(candidates).order();
        List<double[]> parents = new ArrayList<>();
        for (int i : order.subList(0, population)) {
            parents.add(encoding.encode(observed.get(i).config()));
        }
        return parents;
    }

    /** The better of two parents drawn at random: the one ranked first. */
    private static double[] tournament(List<double[]> bestFirst, SplittableRandom random) {
        int a = random.nextInt(bestFirst.size());
        int b = random.nextInt(bestFirst.size());
        return bestFirst.get(Math.min(a, b));
    }

    /** Simulated binary crossover, each coordinate with probability 1/2, on ordered coordinates; uniform on categories. */
    private double[] crossover(double[] a, double[] b, SplittableRandom random) {
        double[] child = a.clone();
        boolean cross = random.nextDouble() < CROSSOVER_PROBABILITY;
        for (int j = 0; j < child.length; j++) {
            if (!cross || Double.isNaN(a[j]) || Double.isNaN(b[j])) {
                continue;
            }
            if (encoding.categorical(j)) {
                child[j] = random.nextBoolean() ? a[j] : b[j];
            } else if (random.nextBoolean() && Math.abs(a[j] - b[j]) > 1e-14) {
                double u = random.nextDouble();
                double beta = u <= 0.5 ? Math.pow(2 * u, 1 / (CROSSOVER_ETA + 1)) : Math.pow(1 / (2 * (1 - u)), 1 / (CROSSOVER_ETA + 1));
                double mid = (a[j] + b[j]) / 2;
                double half = Math.abs(a[j] - b[j]) / 2;
                child[j] = clamp(random.nextBoolean() ? mid - beta * half : mid + beta * half);
            }
        }
        return child;
    }

    /** Polynomial mutation of each coordinate with probability 1/d; a category is drawn afresh. */
    private double[] mutate(double[] x, SplittableRandom random) {
        double rate = 1.0 / x.length;
        for (int j = 0; j < x.length; j++) {
            if (Double.isNaN(x[j]) || random.nextDouble() >= rate) {
                continue;
            }
            if (encoding.categorical(j)) {
                x[j] = random.nextDouble();
                continue;
            }
            double u = random.nextDouble();
            double delta = u < 0.5
                    ? Math.pow(2 * u + (1 - 2 * u) * Math.pow(1 - x[j], MUTATION_ETA + 1), 1 / (MUTATION_ETA + 1)) - 1
                    : 1 - Math.pow(2 * (1 - u) + 2 * (u - 0.5) * Math.pow(x[j], MUTATION_ETA + 1), 1 / (MUTATION_ETA + 1));
            x[j] = clamp(x[j] + delta);
        }
        return x;
    }

    private static double clamp(double u) {
        return Math.min(1, Math.max(0, u));
    }
}
