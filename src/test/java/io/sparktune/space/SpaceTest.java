package io.sparktune.space;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.core.Config;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpaceTest {
    private static Space space(String json) throws Exception {
        return SpaceParser.parse(new ObjectMapper().readTree(json), "params");
    }

    @Test
    void gridIsTheProductOfListLikeParameters() throws Exception {
        Space space = space("{\"a\": \"[1,2,3]\", \"b\": \"linspace[0:1:5]\", \"c\": 7, \"lr\": \"loguniform[1e-4:1e-1]\"}");
        assertEquals(BigInteger.valueOf(15), space.gridSize());
        assertFalse(space.isFinite());
        Set<Config> points = new HashSet<>();
        for (int i = 0; i < 15; i++) {
            points.add(space.gridPoint(i, new double[] {0.5, 0.5, 0.5, 0.5}).with("lr", 0.0));
        }
        assertEquals(15, points.size(), "every grid point distinct");
    }

    @Test
    void lastParameterVariesFastest() throws Exception {
        Space space = space("{\"a\": \"[1,2]\", \"b\": \"[10,20,30]\"}");
        double[] unit = new double[2];
        assertEquals(Config.of(java.util.Map.of("a", 1L, "b", 10L)), space.gridPoint(0, unit));
        assertEquals(Config.of(java.util.Map.of("a", 1L, "b", 20L)), space.gridPoint(1, unit));
        assertEquals(Config.of(java.util.Map.of("a", 2L, "b", 10L)), space.gridPoint(3, unit));
    }

    @Test
    void conditionalOptionsExpandOnlyUnderTheirOption() throws Exception {
        Space space = space("{\"opt\": {\"choice\": [\"adam\", {\"value\": \"sgd\", \"params\": {\"momentum\": \"[0.0,0.9]\"}}]},"
                + " \"bs\": \"[32,64]\"}");
        assertEquals(BigInteger.valueOf(6), space.gridSize());
        assertTrue(space.isFinite());
        Set<Config> points = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Config c = space.gridPoint(i, new double[space.dimensions().size()]);
            points.add(c);
            assertEquals(c.get("opt").equals("sgd"), c.has("momentum"), "momentum only under sgd: " + c);
        }
        assertEquals(6, points.size());
    }

    @Test
    void unitCubeRoundTripsEveryDomain() throws Exception {
        Space space = space("{\"u\": \"uniform[-2:2]\", \"l\": \"loguniform[1e-4:1]\", \"i\": \"randint[1:5]\","
                + " \"q\": {\"quniform\": [0, 1, 0.25]}, \"n\": \"normal[0:1]\", \"c\": \"[a,b,c]\"}");
        double[] unit = {0.25, 0.5, 0.7, 0.4, 0.8, 0.9};
        Config config = space.fromUnit(unit);
        Config again = space.fromUnit(space.toUnit(config));
        assertEquals(config.get("i"), again.get("i"));
        assertEquals(config.get("c"), again.get("c"));
        assertEquals(config.getDouble("u"), again.getDouble("u"), 1e-12);
        assertEquals(config.getDouble("l"), again.getDouble("l"), 1e-12);
        assertEquals(config.getDouble("n"), again.getDouble("n"), 1e-9);
        assertEquals(config.getDouble("q"), again.getDouble("q"), 1e-12);
        assertEquals(1e-2, config.getDouble("l"), 1e-12, "log-uniform midpoint is the geometric mean");
    }

    @Test
    void integerRangesReachBothEndsEvenly() throws Exception {
        Space space = space("{\"i\": {\"randint\": [1, 3]}}");
        List<Object> seen = List.of(space.fromUnit(new double[] {0.0}).get("i"), space.fromUnit(new double[] {0.5}).get("i"),
                space.fromUnit(new double[] {0.999}).get("i"));
        assertEquals(List.of(1L, 2L, 3L), seen);
    }

    @Test
    void inactiveConditionalParametersEncodeAsNaN() throws Exception {
        Space space = space("{\"opt\": {\"choice\": [\"adam\", {\"value\": \"sgd\", \"params\": {\"m\": \"uniform[0:1]\"}}]}}");
        double[] unit = space.toUnit(Config.of(java.util.Map.of("opt", "adam")));
        assertEquals(2, unit.length);
        assertTrue(Double.isNaN(unit[1]));
    }
}
