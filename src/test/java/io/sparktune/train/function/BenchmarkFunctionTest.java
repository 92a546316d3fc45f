package io.sparktune.train.function;

import io.sparktune.core.Config;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each suite function at its published minimiser: the published minimum, and nothing lower nearby. */
class BenchmarkFunctionTest {

    private static double at(BenchmarkFunction function, double... x) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            values.put("x" + i, x[i]);
        }
        return function.evaluate(Config.of(values), 0);
    }

    private static double[] filled(int dims, double value) {
        double[] x = new double[dims];
        Arrays.fill(x, value);
        return x;
    }

    /** The minimum at {@code x}, and 200 points within {@code radius} of it are no lower. */
    private static void assertMinimum(BenchmarkFunction function, double minimum, double tolerance, double radius, double... x) {
        double value = at(function, x);
        assertEquals(minimum, value, tolerance, function.label() + " at " + Arrays.toString(x));
        SplittableRandom random = new SplittableRandom(1);
        for (int k = 0; k < 200; k++) {
            double[] near = x.clone();
            for (int i = 0; i < near.length; i++) {
                near[i] += radius * (2 * random.nextDouble() - 1);
            }
            assertTrue(at(function, near) >= value - tolerance, function.label() + " lower at " + Arrays.toString(near) + " than at its minimiser");
        }
    }

    @Test
    void sixHumpCamelHasItsMinimumAtBothSymmetricPoints() {
        assertMinimum(BenchmarkFunction.SIXHUMPCAMEL, BenchmarkFunction.SIXHUMPCAMEL.minimum(), 1e-8, 1e-3, 0.0898420131, -0.7126564030);
        assertMinimum(BenchmarkFunction.SIXHUMPCAMEL, BenchmarkFunction.SIXHUMPCAMEL.minimum(), 1e-8, 1e-3, -0.0898420131, 0.7126564030);
    }

    @Test
    void goldsteinPriceIsThreeAtZeroMinusOne() {
        assertMinimum(BenchmarkFunction.GOLDSTEINPRICE, 3, 1e-12, 1e-3, 0, -1);
    }

    @Test
    void shekelIsDeepestNearFourInEveryCoordinate() {
        assertMinimum(BenchmarkFunction.SHEKEL, BenchmarkFunction.SHEKEL.minimum(), 1e-9, 1e-3, 4.00074687, 3.99950948, 4.00074687, 3.99950948);
    }

    @Test
    void michalewiczReachesThePublishedMinimaInTwoAndFiveDimensions() {
        assertMinimum(BenchmarkFunction.MICHALEWICZ, -1.8013034100985563, 1e-9, 1e-3, 2.20290552, 1.57079633);
        assertMinimum(BenchmarkFunction.MICHALEWICZ, -4.687658179088153, 1e-8, 1e-4, 2.20290552, 1.57079633, 1.28499157, 1.92305847, 1.72046977);
    }

    @Test
    void functionsCentredOnTheOriginAreZeroThere() {
        for (BenchmarkFunction f : new BenchmarkFunction[] {BenchmarkFunction.RASTRIGIN, BenchmarkFunction.GRIEWANK, BenchmarkFunction.POWELL,
                BenchmarkFunction.ZAKHAROV, BenchmarkFunction.ELLIPSOID, BenchmarkFunction.SHARPRIDGE, BenchmarkFunction.DIFFERENTPOWERS,
                BenchmarkFunction.ACKLEY}) {
            assertMinimum(f, 0, 1e-12, 0.05, filled(8, 0));
        }
    }

    @Test
    void schwefelIsZeroAtItsFarCorner() {
        assertMinimum(BenchmarkFunction.SCHWEFEL, 0, 1e-9, 0.1, filled(4, 420.9687463599));
    }

    @Test
    void dixonPriceIsZeroOnItsGeometricSequence() {
        double[] x = new double[10];
        for (int i = 1; i <= x.length; i++) {
            x[i - 1] = Math.pow(2, -(Math.pow(2, i) - 2) / Math.pow(2, i));
        }
        assertMinimum(BenchmarkFunction.DIXONPRICE, 0, 1e-12, 1e-3, x);
    }

    @Test
    void styblinskiTangIsMinus39PerCoordinate() {
        assertMinimum(BenchmarkFunction.STYBLINSKITANG, -39.16616570377142 * 8, 1e-9, 1e-3, filled(8, -2.9035340151190754));
    }

    @Test
    void powellRefusesAPartialGroupOfFour() {
        String mismatch = BenchmarkFunction.POWELL.mismatch(java.util.List.of("x0", "x1", "x2", "x3", "x4", "x5"));
        assertNotNull(mismatch);
        assertTrue(mismatch.contains("multiple of 4") && mismatch.contains("defines 6"), mismatch);
    }
}
