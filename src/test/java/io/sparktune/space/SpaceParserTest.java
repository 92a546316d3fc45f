package io.sparktune.space;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpaceParserTest {
    private static Space parse(String json) throws Exception {
        return SpaceParser.parse(new ObjectMapper().readTree(json), "params");
    }

    private static String problem(String json) {
        return assertThrows(InvalidInputException.class, () -> parse(json)).getMessage();
    }

    @Test
    void objectFormsMakeTheirDomains() throws Exception {
        Space space = parse("{\"a\": {\"uniform\": [0, 1]}, \"b\": {\"loguniform\": [1e-4, 1e-1]}, \"c\": {\"quniform\": [0, 10, 2]},"
                + " \"d\": {\"randint\": [1, 5]}, \"e\": {\"lograndint\": [1, 1024]}, \"f\": {\"normal\": [0, 1]},"
                + " \"g\": {\"choice\": [\"x\", \"y\"]}, \"h\": {\"grid\": [1, 2]}, \"i\": 0.5, \"j\": [1, 2]}");
        List<Domain> domains = space.params().stream().map(Parameter::domain).toList();
        assertEquals(new Uniform(0, 1), domains.get(0));
        assertEquals(new LogUniform(1e-4, 1e-1), domains.get(1));
        assertEquals(new QUniform(0, 10, 2), domains.get(2));
        assertEquals(new IntRange(1, 5, false), domains.get(3));
        assertEquals(new IntRange(1, 1024, true), domains.get(4));
        assertEquals(new Normal(0, 1), domains.get(5));
        assertInstanceOf(Choice.class, domains.get(6));
        assertEquals(new GridList(List.of(1L, 2L)), domains.get(7));
        assertEquals(new Fixed(0.5), domains.get(8));
        assertEquals(new GridList(List.of(1L, 2L)), domains.get(9));
    }

    @Test
    void errorsNameTheJsonPath() {
        assertEquals("params.lr.loguniform: lower bound must be > 0, got 0.0", problem("{\"lr\": {\"loguniform\": [0, 1]}}"));
        assertEquals("params.lr: unknown domain 'unifrom' (expected one of uniform, loguniform, quniform, randint, lograndint, normal, choice, grid)",
                problem("{\"lr\": {\"unifrom\": [0, 1]}}"));
        assertEquals("params.n.randint[1]: expected a whole number, got 2.5", problem("{\"n\": {\"randint\": [1, 2.5]}}"));
        assertEquals("params.o.choice[1]: a choice option needs a 'value'",
                problem("{\"o\": {\"choice\": [\"a\", {\"params\": {\"m\": 1}}]}}"));
        assertEquals("params.o.choice: expected a non-empty array of options", problem("{\"o\": {\"choice\": []}}"));
        assertTrue(problem("{\"x\": null}").startsWith("params.x: expected a value, a shorthand string or an object"));
        assertEquals("params: a space needs at least one parameter", problem("{}"));
        assertEquals("params.o.choice[0].params.lr: duplicate parameter name 'lr' (a conditional parameter repeats an outer one)",
                problem("{\"lr\": 0.1, \"o\": {\"choice\": [{\"value\": \"a\", \"params\": {\"lr\": 0.2}}]}}"));
        assertEquals("params.bad name: parameter name 'bad name' must start with a letter or '_' and use letters, digits, '_', '.', '-'",
                problem("{\"bad name\": 1}"));
    }
}
