package io.sparktune.search;

import io.sparktune.bench.SweepSimulation;
import io.sparktune.core.PluginSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianProcessSearcherTest {

    @Test
    void findsTheBraninOptimumRegionWithinFortyTrials() {
        // Random search reaches a regret of about 1 with 50 trials; a working model gets below 0.01.
        Searcher gp = Searchers.create(PluginSpec.of("gp"), Spaces.branin(), 3);
        double regret = new SweepSimulation(gp, Spaces::braninRegret).run(40, 1, 3);
        assertTrue(regret < 0.05, "gp's simple regret on branin after 40 trials: expected below 0.05, got " + regret);
    }

    @Test
    void categoriesAreEquallyFarApart() {
        UnitEncoding encoding = new UnitEncoding(Spaces.mixed());
        MaternKernel kernel = new MaternKernel(encoding, new double[encoding.dimensions() + 2]);
        int optimizer = 2;
        double[] sgd = point(encoding, optimizer, 0);
        assertEquals(kernel.difference(sgd, point(encoding, optimizer, 1), optimizer),
                kernel.difference(sgd, point(encoding, optimizer, 2), optimizer),
                "sgd should be as far from adam as from rmsprop");
    }

    private static double[] point(UnitEncoding encoding, int dim, int level) {
        double[] u = new double[encoding.dimensions()];
        u[dim] = (level + 0.5) / encoding.levels(dim);
        return u;
    }

    @Test
    void logExpectedImprovementStaysFiniteAndOrderedFarFromTheIncumbent() {
        List<Double> zs = List.of(2.0, 0.0, -0.99, -1.01, -5.0, -20.0, -34.9, -35.1, -100.0, -1e4);
        double previous = Double.POSITIVE_INFINITY;
        for (double z : zs) {
            double logH = LogExpectedImprovement.logH(z);
            assertTrue(Double.isFinite(logH) && logH < previous, "log_h(" + z + ") = " + logH + " should be finite and below " + previous);
            previous = logH;
        }
        double z = -5;
        double phi = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double direct = Math.log(phi + z * 0.5 * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2)));
        assertEquals(direct, LogExpectedImprovement.logH(z), 1e-6);
        assertEquals(LogExpectedImprovement.logH(-35 + 1e-9), LogExpectedImprovement.logH(-35 - 1e-9), 1e-6, "the asymptotic branch joins smoothly");
    }
}
