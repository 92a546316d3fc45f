package io.sparktune.space;

import io.sparktune.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShorthandTest {

    private static List<Object> list(String text) {
        return assertInstanceOf(GridList.class, Shorthand.parse(text, "params.p")).values();
    }

    @Test
    void bracketedListKeepsWholeNumbersWhole() {
        assertEquals(List.of(-1L, 0L, 1L), list("[-1,0,1]"));
    }

    @Test
    void commaListMixesNumbersAndWords() {
        assertEquals(List.of(2L, 5L, 6L), list("2,5,6"));
        assertEquals(List.of("adam", "sgd"), list("[adam, sgd]"));
        assertEquals(List.of(0.5, true), list("0.5,true"));
    }

    @Test
    void linspaceGivesEvenlySpacedValuesWithoutBinaryNoise() {
        assertEquals(List.of(-0.6, -0.2, 0.2, 0.6), list("linspace[-0.6:0.6:4]"));
    }

    @Test
    void logspaceGivesPowersOfTen() {
        assertEquals(List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1), list("logspace[-5:-1:5]"));
    }

    @Test
    void startStepEndCountsBothEnds() {
        List<Object> values = list("0.01:0.01:0.1");
        assertEquals(10, values.size());
        assertEquals(0.01, values.get(0));
        assertEquals(0.1, values.get(9));
        assertEquals(0.07, values.get(6));
    }

    @Test
    void logCountGivesLogSpacedValues() {
        List<Object> values = list("1e-5:l5:0.1");
        assertEquals(5, values.size());
        assertEquals(1e-5, (double) values.get(0), 1e-15);
        assertEquals(1e-4, (double) values.get(1), 1e-14);
        assertEquals(0.1, (double) values.get(4), 1e-12);
    }

    @Test
    void wholeNumberRangeIncludesBothEnds() {
        assertEquals(List.of(0L, 1L, 2L, 3L), list("0:3"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"[-2.0:2.0]; -2.0; 2.0", "uniform[-2:2]; -2.0; 2.0"})
    void bracketedRangeIsUniform(String text, double low, double high) {
        assertEquals(new Uniform(low, high), Shorthand.parse(text, "params.p"));
    }

    @Test
    void functionsMakeTheirDomains() {
        assertEquals(new LogUniform(1e-5, 1e-1), Shorthand.parse("loguniform[1e-5:1e-1]", "p"));
        assertEquals(new IntRange(1, 4, false), Shorthand.parse("randint[1:4]", "p"));
        assertEquals(new Normal(0, 2), Shorthand.parse("normal[0:2]", "p"));
    }

    @Test
    void anythingElseIsAFixedValue() {
        assertEquals(new Fixed("adam"), Shorthand.parse("adam", "p"));
        assertEquals(new Fixed(0.1), Shorthand.parse("0.1", "p"));
        assertEquals(new Fixed(3L), Shorthand.parse("3", "p"));
        assertEquals(new Fixed("hdfs://nn:8020/data/train.csv"), Shorthand.parse("hdfs://nn:8020/data/train.csv", "p"));
    }

    @Test
    void badFormsNameThePathAndTheProblem() {
        assertProblem("loguniform[0:1]", "params.lr.loguniform: lower bound must be > 0, got 0.0");
        assertProblem("uniform[3:1]", "params.lr.uniform: lower bound 3.0 must be below upper bound 1.0");
        assertProblem("linspace[0:1]", "params.lr: 'linspace[0:1]': expected 3 numbers separated by ':', got 2");
        assertProblem("[]", "params.lr: '[]' is an empty list");
        assertProblem("3:1", "params.lr: '3:1': end is below start");
        assertProblem("0:-0.1:1", "params.lr: '0:-0.1:1': step must be > 0");
        assertProblem("1,1,2", "params.lr: '1,1,2' lists a value twice");
    }

    private static void assertProblem(String text, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Shorthand.parse(text, "params.lr"));
        assertEquals(expected, e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0, "one line: " + e.getMessage());
    }
}
