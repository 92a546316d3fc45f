package io.sparktune.spec;

import io.sparktune.core.Config;
import io.sparktune.core.Constraint;
import io.sparktune.core.Goals;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoalsParserTest {
    private static final String SPACE = "{\"params\": {\"x0\": \"uniform[0:1]\", \"x1\": \"uniform[0:1]\"},"
            + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\"}, \"searcher\": \"random\"";

    private static Goals goals(String more, Overrides overrides) {
        return SpecParser.parse("space.json", SPACE + more + "}", "space", overrides).goals();
    }

    private static String problem(String more, Overrides overrides) {
        String message = assertThrows(InvalidInputException.class, () -> goals(more, overrides)).getMessage();
        assertTrue(message.indexOf('\n') < 0, "one line: " + message);
        return message;
    }

    private static String problem(String more) {
        return problem(more, new Overrides());
    }

    @Test
    void metricAndModeAreOneObjectiveWithNoConstraints() {
        assertEquals(Goals.of(new Objective("acc", Objective.Mode.MAX)), goals(", \"metric\": \"acc\", \"mode\": \"max\"", new Overrides()));
    }

    @Test
    void objectivesAndConstraintsAreReadInOrder() {
        Goals goals = goals(", \"objectives\": [{\"metric\": \"val_accuracy\", \"mode\": \"max\"}, {\"metric\": \"latency_ms\"}],"
                + " \"constraints\": [{\"metric\": \"memory_mb\", \"max\": 2048}, {\"metric\": \"recall\", \"min\": 0.9}]", new Overrides());
        assertEquals(List.of(new Objective("val_accuracy", Objective.Mode.MAX), new Objective("latency_ms", Objective.Mode.MIN)), goals.objectives());
        assertEquals(List.of(new Constraint("memory_mb", Double.NEGATIVE_INFINITY, 2048), new Constraint("recall", 0.9, Double.POSITIVE_INFINITY)),
                goals.constraints());
    }

    @Test
    void constraintsWorkWithOneObjective() {
        Goals goals = goals(", \"metric\": \"loss\", \"constraints\": [{\"metric\": \"memory_mb\", \"max\": 2048}]", new Overrides());
        assertEquals(1, goals.objectives().size());
        assertEquals(1, goals.constraints().size());
    }

    @Test
    void objectiveAndConstraintFlagsSetTheSame() {
        Goals goals = goals("", new Overrides().objectives(List.of("val_accuracy:max", "latency_ms:min"))
                .constraints(List.of("memory_mb<=2048", "recall>=0.9")));
        assertEquals(goals(", \"objectives\": [{\"metric\": \"val_accuracy\", \"mode\": \"max\"}, {\"metric\": \"latency_ms\", \"mode\": \"min\"}],"
                + " \"constraints\": [{\"metric\": \"memory_mb\", \"max\": 2048}, {\"metric\": \"recall\", \"min\": 0.9}]", new Overrides()), goals);
    }

    @Test
    void objectiveFlagsReplaceTheFilesMetricAndMode() {
        assertEquals(List.of(new Objective("a", Objective.Mode.MAX), new Objective("b", Objective.Mode.MIN)),
                goals(", \"metric\": \"loss\", \"mode\": \"min\"", new Overrides().objectives(List.of("a:max", "b:min"))).objectives());
    }

    @Test
    void aDuplicateObjectiveIsRefusedAtItsPath() {
        assertEquals("space.json: objectives[1].metric: duplicate objective 'a'",
                problem(", \"objectives\": [{\"metric\": \"a\", \"mode\": \"max\"}, {\"metric\": \"a\", \"mode\": \"min\"}]"));
    }

    @Test
    void aBadModeIsRefusedAtItsPath() {
        assertEquals("space.json: objectives[0].mode: mode must be 'min' or 'max', got 'up'",
                problem(", \"objectives\": [{\"metric\": \"a\", \"mode\": \"up\"}]"));
    }

    @Test
    void objectivesBesideMetricAreRefused() {
        assertEquals("space.json: objectives: give either objectives or metric/mode, not both ('metric' is set too)",
                problem(", \"metric\": \"a\", \"objectives\": [{\"metric\": \"b\"}]"));
    }

    @Test
    void anEmptyObjectiveListIsRefused() {
        assertTrue(problem(", \"objectives\": []").startsWith("space.json: objectives: expected a non-empty list"));
    }

    @Test
    void aBoundThatIsNotANumberIsRefusedAtItsPath() {
        assertEquals("space.json: constraints[0].max: expected a number, got \"2GB\"",
                problem(", \"constraints\": [{\"metric\": \"memory_mb\", \"max\": \"2GB\"}]"));
    }

    @Test
    void aBoundThatIsNotANumberInAFlagIsRefusedAgainstTheFlag() {
        assertEquals("--constraint: constraints[0].max: expected a number, got \"2GB\"",
                problem("", new Overrides().constraints(List.of("memory_mb<=2GB"))));
    }

    @Test
    void aConstraintFlagWithoutAComparisonIsRefused() {
        assertEquals("--constraint: memory_mb=2048: expected NAME<=V or NAME>=V, e.g. memory_mb<=2048",
                assertThrows(InvalidInputException.class, () -> new Overrides().constraints(List.of("memory_mb=2048"))).getMessage());
    }

    @Test
    void anObjectiveFlagWithoutAModeIsRefused() {
        assertEquals("--objective: latency_ms: expected NAME:min or NAME:max, e.g. latency_ms:min",
                assertThrows(InvalidInputException.class, () -> new Overrides().objectives(List.of("latency_ms"))).getMessage());
    }

    @Test
    void aConstraintWithNoBoundIsRefused() {
        assertEquals("space.json: constraints[0]: missing: a bound, \"min\" or \"max\"",
                problem(", \"constraints\": [{\"metric\": \"memory_mb\"}]"));
    }

    @Test
    void constraintsOnAnObjectiveThatNoValueKeepsAreRefused() {
        assertEquals("space.json: constraints[1]: no value of loss keeps the constraints on it (loss>=2 and loss<=1):"
                        + " every trial would be infeasible (loss is an objective)",
                problem(", \"metric\": \"loss\", \"constraints\": [{\"metric\": \"loss\", \"max\": 1}, {\"metric\": \"loss\", \"min\": 2}]"));
    }

    @Test
    void aConstraintWhoseMinExceedsItsMaxIsRefused() {
        assertEquals("space.json: constraints[0]: no value of m keeps m>=3 and m<=1: every trial would be infeasible",
                problem(", \"constraints\": [{\"metric\": \"m\", \"min\": 3, \"max\": 1}]"));
    }

    @Test
    void aSingleObjectiveSearcherIsRefusedForSeveralObjectives() {
        assertEquals("--searcher: searcher.type: cmaes optimises one objective with no constraints; with several objectives use auto, nsga2, gp, tpe, grid, random, sobol",
                problem(", \"objectives\": [{\"metric\": \"a\"}, {\"metric\": \"b\"}]", new Overrides().set(SpecFlag.SEARCHER, "cmaes")));
    }

    @Test
    void everySchedulerTakesSeveralObjectivesAndConstraints() {
        for (String scheduler : List.of("{\"type\": \"asha\", \"maxSteps\": 9}", "{\"type\": \"hyperband\", \"maxSteps\": 9}", "\"median\"",
                "{\"type\": \"pbt\", \"maxSteps\": 6, \"perturbationInterval\": 2}")) {
            Goals goals = goals(", \"scheduler\": " + scheduler + ", \"objectives\": [{\"metric\": \"a\"}, {\"metric\": \"b\"}],"
                    + " \"constraints\": [{\"metric\": \"c\", \"max\": 1}]", new Overrides());
            assertEquals(2, goals.objectives().size(), scheduler);
        }
    }

    @Test
    void aMissingConstrainedMetricMakesATrialInfeasibleNamingIt() {
        Goals goals = goals(", \"constraints\": [{\"metric\": \"memory_mb\", \"max\": 2048}]", new Overrides());
        TrialResult result = new TrialResult(0, Config.of(Map.of()), 0, TrialStatus.COMPLETED, Map.of("loss", 1.0), 1, 0, 1, "h", null, 1);
        assertEquals("no: memory_mb missing", goals.feasibility(result).label());
    }
}
