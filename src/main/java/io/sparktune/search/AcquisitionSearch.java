package io.sparktune.search;

import io.sparktune.core.Config;
import org.hipparchus.random.SobolSequenceGenerator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Finds a high point of an acquisition function over a mixed space: a randomly shifted Sobol set and
 * perturbations of the best points seen so far, then a few steps of local search from the best of
 * those (see {@link Perturbation}).
 */
final class AcquisitionSearch {
    private static final int GLOBAL_CANDIDATES = 1024;
    private static final int NEAR_BEST_PER_INCUMBENT = 64;
    private static final int LOCAL_STARTS = 4;
    private static final int LOCAL_ROUNDS = 10;
    private static final int LOCAL_PROPOSALS = 16;
    private static final double LOCAL_STEP = 0.1;

    private final UnitEncoding encoding;
    private final ToDoubleFunction<double[]> acquisition;
    private final SplittableRandom random;
    private final Perturbation perturbation;

    AcquisitionSearch(UnitEncoding encoding, ToDoubleFunction<double[]> acquisition, SplittableRandom random) {
        this.encoding = encoding;
        this.acquisition = acquisition;
        this.random = random;
        this.perturbation = new Perturbation(encoding);
    }

    private record Scored(double[] point, Config config, double value) {
    }

    /** The best point found whose config is not in {@code taken}, or null when every candidate is. */
    double[] maximise(List<double[]> incumbents, Set<Config> taken) {
        List<Scored> candidates = new ArrayList<>();
        int d = encoding.dimensions();
        if (d <= SobolSearcher.MAX_DIMENSIONS) {
            SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
            double[] shift = uniform();
            for (int i = 0; i < GLOBAL_CANDIDATES; i++) {
                double[] u = sobol.nextVector();
                for (int j = 0; j < d; j++) {
                    u[j] = (u[j] + shift[j]) % 1.0;
                }
                candidates.add(score(u));
            }
        }
        for (double[] incumbent : incumbents) {
            for (int i = 0; i < NEAR_BEST_PER_INCUMBENT; i++) {
                candidates.add(score(perturbation.around(incumbent, i % 2 == 0 ? LOCAL_STEP : LOCAL_STEP / 5, random)));
            }
        }
        candidates.sort(Comparator.comparingDouble(Scored::value).reversed());
        Scored best = null;
        int starts = 0;
        for (Scored start : candidates) {
            if (starts == LOCAL_STARTS) {
                break;
            }
            if (taken.contains(start.config())) {
                continue;
            }
            starts++;
            Scored refined = refine(start, taken);
            if (best == null || refined.value() > best.value()) {
                best = refined;
            }
        }
        return best == null ? null : best.point();
    }

    private Scored refine(Scored start, Set<Config> taken) {
        Scored current = start;
        double step = LOCAL_STEP;
        for (int round = 0; round < LOCAL_ROUNDS; round++) {
            Scored bestProposal = null;
            for (int i = 0; i < LOCAL_PROPOSALS; i++) {
                Scored proposal = score(perturbation.around(current.point(), step, random));
                if (!taken.contains(proposal.config()) && (bestProposal == null || proposal.value() > bestProposal.value())) {
                    bestProposal = proposal;
                }
            }
            if (bestProposal != null && bestProposal.value() > current.value()) {
                current = bestProposal;
            } else {
                step /= 2;
            }
        }
        return current;
    }

    private Scored score(double[] unit) {
        Config config = encoding.decode(unit);
        double[] canonical = encoding.encode(config);
        return new Scored(canonical, config, acquisition.applyAsDouble(canonical));
    }

    private double[] uniform() {
        double[] u = new double[encoding.dimensions()];
        for (int j = 0; j < u.length; j++) {
            u[j] = random.nextDouble();
        }
        return u;
    }
}
