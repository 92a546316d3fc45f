package io.sparktune.train.problem;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestProblemTest {

    @Test
    void zdt1OnItsFrontHasF2OneMinusRootF1() {
        Map<String, Double> f = TestProblem.ZDT1.evaluate(new double[] {0.25, 0, 0, 0, 0, 0});
        assertEquals(0.25, f.get("f1"), 1e-12);
        assertEquals(0.5, f.get("f2"), 1e-12);
    }

    @Test
    void zdt2OnItsFrontHasF2OneMinusF1Squared() {
        assertEquals(1 - 0.0625, TestProblem.ZDT2.evaluate(new double[] {0.25, 0, 0, 0, 0, 0}).get("f2"), 1e-12);
    }

    @Test
    void dtlz2OnItsFrontLiesOnTheUnitSphere() {
        Map<String, Double> f = TestProblem.DTLZ2.evaluate(new double[] {0.3, 0.7, 0.5, 0.5, 0.5, 0.5});
        assertEquals(1, f.get("f1") * f.get("f1") + f.get("f2") * f.get("f2") + f.get("f3") * f.get("f3"), 1e-12);
    }

    @Test
    void braninCurrinsFirstObjectiveIsBraninRescaledToTheUnitSquare() {
        double[] optimum = {(Math.PI + 5) / 15, 2.275 / 15};
        assertEquals(0.397887, TestProblem.BRANIN_CURRIN.evaluate(optimum).get("f1"), 1e-5);
    }

    @Test
    void c2Dtlz2KeepsTheEndsAndMiddleOfTheFrontAndCutsBetween() {
        assertTrue(TestProblem.C2_DTLZ2.evaluate(new double[] {0, 0.5, 0.5, 0.5}).get("c") <= 0, "an end of the front");
        assertTrue(TestProblem.C2_DTLZ2.evaluate(new double[] {0.5, 0.5, 0.5, 0.5}).get("c") <= 0, "the middle of the front");
        assertTrue(TestProblem.C2_DTLZ2.evaluate(new double[] {0.25, 0.5, 0.5, 0.5}).get("c") > 0, "between them");
    }
}
