package io.sparktune.search;

import io.sparktune.core.Observation;

import java.util.Arrays;
import java.util.List;

/**
 * Losses as a model fits them: log(loss − min + offset), the offset being a multiple of the median's
 * distance from the minimum, then shifted so that their upper quartile is 0 and scaled to variance 1,
 * so that one set of priors suits losses of any scale. Infinite losses (a diverged run reported as
 * such) count as the worst finite one.
 *
 * <p>The GP's prior mean is 0, and its posterior returns to it away from the data. Centred on the
 * mean, that said an unexplored region is as good as the average trial, with the model's largest
 * variance: expected improvement then sent about a third of gp's trials after its design to the
 * box's faces and corners, where the variance is largest and the losses of these problems are
 * worst (styblinskitang3: 21 of 67). Centred on the upper quartile, the unexplored is presumed worse
 * than three trials in four until the data say otherwise, and gp spends those trials near what it
 * has found. That lowered the median regret on most problems of the issue-16 suite, multimodal and
 * smooth (docs/benchmarks.md, "gp's prior mean").
 *
 * <p>The log is there for heavy tails: losses that span orders of magnitude otherwise make a
 * stationary GP explain the few huge ones and flatten the rest (rosenbrock4's median regret over 20
 * seeds: 66 on raw losses, 3.6 with the log). How far the log should reach depends on the
 * objective: an offset of one median suits heavy tails, while on levy and hartmann6 it squeezes the
 * good losses together so that gp exploits too early, and four medians do better there. So the
 * searcher fits both and keeps the more probable one ({@link #logJacobian()} makes their
 * likelihoods comparable). The median keeps the transform scale-free and finite at the minimum.
 */
final class Targets {
    private final double offsetMedians;
    private final double[] values;
    private final double logJacobian;

    /** @param offsetMedians the log's offset in units of the median's distance from the minimum */
    Targets(List<Observation> observations, double offsetMedians) {
        this.offsetMedians = offsetMedians;
        int n = observations.size();
        double worst = observations.stream().mapToDouble(Observation::loss).filter(Double::isFinite).max().orElse(0);
        double[] raw = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double loss = observations.get(i).loss();
            raw[i] = Double.isFinite(loss) ? loss : worst;
        }
        double[] sorted = raw.clone();
        Arrays.sort(sorted);
        double min = sorted[0];
        double offset = offsetMedians * (sorted[n / 2] - min);
        if (!(offset > 0)) {
            offset = 1;
        }
        double logDerivatives = 0;
        for (int i = 0; i < n; i++) {
            raw[i] = Math.log(raw[i] - min + offset);
            logDerivatives -= raw[i];
        }
        for (int i = 0; i < n; i++) {
            sum += raw[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : raw) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / n);
        double scale = sd > 0 ? sd : 1;
        double upperQuartile = Math.log(sorted[3 * n / 4] - min + offset);
        this.logJacobian = logDerivatives - n * Math.log(scale);
        this.values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (raw[i] - upperQuartile) / scale;
        }
    }

    /**
     * log |d values / d losses|, summed over the losses: added to the model's log likelihood of the
     * values, it gives the likelihood of the losses themselves, which is what transforms can be
     * compared by (a warped GP's model evidence).
     */
    double logJacobian() {
        return logJacobian;
    }

    double offsetMedians() {
        return offsetMedians;
    }

    double[] values() {
        return values;
    }
}
