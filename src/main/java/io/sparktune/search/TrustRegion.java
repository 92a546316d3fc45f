package io.sparktune.search;

import io.sparktune.core.Observation;

import java.util.List;

/**
 * A box around the best trial in which the next local suggestion is sought, sized as TuRBO sizes it
 * (Eriksson et al. 2019): its side starts at 0.8 of the cube, doubles after 3 improvements in a row
 * (each beating the best so far by a thousandth of its size), halves after max(4, d) trials in a row
 * without one, and starts again at 0.8 once it falls below 0.5^7. Each coordinate's half-width is the
 * side scaled by that coordinate's lengthscale over their geometric mean, so the box is long where
 * the model says the loss changes slowly.
 *
 * <p>The side is replayed from the history each time rather than kept, so the searcher stays a
 * function of (seed, history).
 */
final class TrustRegion {
    static final double INITIAL = 0.8;
    private static final double MINIMUM = Math.pow(0.5, 7);
    private static final double MAXIMUM = 1.6;
    private static final int SUCCESSES = 3;

    private TrustRegion() {
    }

    /** The side after the observations past the first {@code design}, in the order given. */
    static double side(List<Observation> observations, int design, int dimensions) {
        int failuresToShrink = Math.max(4, dimensions);
        double best = Double.POSITIVE_INFINITY;
        double side = INITIAL;
        int successes = 0;
        int failures = 0;
        for (int i = 0; i < observations.size(); i++) {
            double loss = observations.get(i).loss();
            if (i >= design) {
                if (loss < best - 1e-3 * Math.abs(best)) {
                    successes++;
                    failures = 0;
                } else {
                    failures++;
                    successes = 0;
                }
                if (successes == SUCCESSES) {
                    side = Math.min(2 * side, MAXIMUM);
                    successes = 0;
                } else if (failures == failuresToShrink) {
                    side /= 2;
                    failures = 0;
                    if (side < MINIMUM) {
                        side = INITIAL;
                    }
                }
            }
            best = Math.min(best, loss);
        }
        return side;
    }

    /** Half-widths per coordinate: the side over 2, scaled by lengthscale over the ordered coordinates' geometric mean. */
    static double[] halfWidths(UnitEncoding encoding, double[] lengthscales, double side) {
        int d = lengthscales.length;
        double logSum = 0;
        int ordered = 0;
        for (int j = 0; j < d; j++) {
            if (!encoding.categorical(j)) {
                logSum += Math.log(lengthscales[j]);
                ordered++;
            }
        }
        double geometricMean = ordered == 0 ? 1 : Math.exp(logSum / ordered);
        double[] half = new double[d];
        for (int j = 0; j < d; j++) {
            half[j] = side / 2 * lengthscales[j] / geometricMean;
        }
        return half;
    }
}
