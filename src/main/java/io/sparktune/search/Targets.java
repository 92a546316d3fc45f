package io.sparktune.search;

import io.sparktune.core.Observation;

import java.util.List;

/**
 * Losses as a model fits them: standardised to mean 0 and variance 1, so that one set of priors suits
 * losses of any scale. Infinite losses (a diverged run reported as such) count as the worst finite one.
 */
final class Targets {
    private final double[] values;

    Targets(List<Observation> observations) {
        int n = observations.size();
        double worst = observations.stream().mapToDouble(Observation::loss).filter(Double::isFinite).max().orElse(0);
        double[] raw = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double loss = observations.get(i).loss();
            raw[i] = Double.isFinite(loss) ? loss : worst;
            sum += raw[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : raw) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / n);
        double scale = sd > 0 ? sd : 1;
        this.values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (raw[i] - mean) / scale;
        }
    }

    double[] values() {
        return values;
    }
}
