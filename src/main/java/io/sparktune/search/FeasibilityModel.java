package io.sparktune.search;

import io.sparktune.core.Observation;
import org.hipparchus.special.Erf;

import java.util.ArrayList;
import java.util.List;

/**
 * The probability that a point keeps every constraint: one Gaussian process per constraint, fitted
 * to its {@link io.sparktune.core.Constraint#margin margin}, and the product of each posterior's
 * probability of a margin of at most 0 (Gardner et al. 2014; the constraint models of BoTorch's
 * qNEHVI). A missing metric counts as the widest margin observed for that constraint, as an
 * infinite loss counts as the worst finite one in {@link Targets}.
 */
final class FeasibilityModel {
    private static final double SQRT2 = Math.sqrt(2);
    /** Keeps the log finite where a constraint is all but certainly broken, so points there stay ordered. */
    private static final double LOG_FLOOR = -700;

    private final List<ScaledModel> constraints;

    private FeasibilityModel(List<ScaledModel> constraints) {
        this.constraints = constraints;
    }

    static FeasibilityModel fit(UnitEncoding encoding, double[][] points, List<Observation> observations) {
        int count = observations.get(0).margins().length;
        List<ScaledModel> models = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            double[] margins = new double[observations.size()];
            double widest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < margins.length; i++) {
                margins[i] = observations.get(i).margins()[c];
                if (Double.isFinite(margins[i])) {
                    widest = Math.max(widest, margins[i]);
                }
            }
            for (int i = 0; i < margins.length; i++) {
                if (!Double.isFinite(margins[i])) {
                    margins[i] = Double.isFinite(widest) ? widest : 1;
                }
            }
            models.add(ScaledModel.fit(encoding, points, margins));
        }
        return new FeasibilityModel(models);
    }

    /** log P(every margin at x is at most 0); 0 without constraints. */
    double logProbability(double[] x) {
        double sum = 0;
        for (ScaledModel model : constraints) {
            double[] prediction = model.predict(x);
            double probability = 0.5 * Erf.erfc(prediction[0] / (prediction[1] * SQRT2));
            sum += Math.max(LOG_FLOOR, Math.log(probability));
        }
        return sum;
    }
}
