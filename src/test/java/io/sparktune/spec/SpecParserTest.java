package io.sparktune.spec;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.schedule.SchedulerSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecParserTest {
    private static final String BRANIN = "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
            + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\"}";

    private static SweepSpec parse(String json, Overrides overrides) {
        return SpecParser.parse("space.json", json, "space", overrides);
    }

    private static String problem(String json) {
        return problem(json, new Overrides());
    }

    private static String problem(String json, Overrides overrides) {
        String message = assertThrows(InvalidInputException.class, () -> parse(json, overrides)).getMessage();
        assertTrue(message.indexOf('\n') < 0, "one line: " + message);
        return message;
    }

    @Test
    void defaultsFillWhatTheFileLeavesOut() {
        SweepSpec spec = parse(BRANIN + "}", new Overrides());
        assertEquals("space", spec.name());
        assertEquals(new Objective("loss", Objective.Mode.MIN), spec.objective());
        assertEquals("auto", spec.searcher().type(), "a space with ranges gets the searcher chosen by evidence");
        assertEquals(new SchedulerSpec.FifoOptions(), spec.scheduler());
        assertTrue(spec.seed().isEmpty());
        assertTrue(spec.budget().trialsPerTaskIfSet().isEmpty(), "the engine packs short trials itself");
    }

    @Test
    void aSpaceOfListsDefaultsToGrid() {
        SweepSpec spec = parse("{\"params\": {\"x\": \"[-1,0,1]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}",
                new Overrides());
        assertEquals("grid", spec.searcher().type());
    }

    @Test
    void flagsOverrideTheFile() {
        SweepSpec spec = parse(BRANIN + ", \"budget\": {\"maxTrials\": 5}}", new Overrides()
                .set(SpecFlag.MAX_TRIALS, 9)
                .set(SpecFlag.SEARCHER, "sobol")
                .set(SpecFlag.SEED, 42L)
                .set(SpecFlag.TIME_BUDGET, "1h30m")
                .set(SpecFlag.MODE, "max")
                .param("x1", "[1,2]")
                .param("x2", "{\"uniform\": [0, 1]}"));
        assertEquals(9, spec.budget().maxTrials());
        assertEquals("sobol", spec.searcher().type());
        assertEquals(42L, spec.seed().getAsLong());
        assertEquals(Duration.ofMinutes(90), spec.budget().timeBudget());
        assertEquals(Objective.Mode.MAX, spec.objective().mode());
        assertEquals(3, spec.space().params().size());
    }

    @Test
    void errorsNameTheFileAndTheJsonPath() {
        assertEquals("space.json: searcher.type: unknown searcher 'annealing' (expected one of "
                + String.join(", ", io.sparktune.search.Searchers.types()) + ")", problem(BRANIN + ", \"searcher\": \"annealing\"}"));
        assertEquals("space.json: budget.maxTrials: must be >= 1, got -3", problem(BRANIN + ", \"budget\": {\"maxTrials\": -3}}"));
        assertEquals("space.json: searcher.type: grid search expands parameters with lists of values, and every parameter that varies"
                + " here is sampled: use random, sobol or auto, or give a parameter a list",
                problem(BRANIN + ", \"searcher\": \"grid\", \"budget\": {\"maxTrials\": 40}}"));
        assertEquals("space.json: budget.maxTrails: unknown key (expected one of maxTrials, parallelism, timeBudget, trialTimeout, trialsPerTask)",
                problem(BRANIN + ", \"budget\": {\"maxTrails\": 3}}"));
        assertEquals("space.json: budget.timeBudget: 'soon' is not a duration (examples: 90s, 30m, 2h, 1h30m)",
                problem(BRANIN + ", \"budget\": {\"timeBudget\": \"soon\"}}"));
        assertEquals("space.json: mode: mode must be 'min' or 'max', got 'maximum'", problem(BRANIN + ", \"mode\": \"maximum\"}"));
        assertTrue(problem("{\"params\": {\"x\": 1}, \"trainable\": {\"type\": \"bigdl\"}}").startsWith("space.json: trainable.type: unknown trainable 'bigdl' (expected one of "));
        assertEquals("space.json: trainable.function: unknown function 'brainn' (expected one of branin, hartmann6, levy, rosenbrock, sixhumpcamel, goldsteinprice, shekel, michalewicz, rastrigin, griewank, schwefel, powell, dixonprice, zakharov, ellipsoid, sharpridge, differentpowers, ackley, styblinskitang, noisy)",
                problem("{\"params\": {\"x0\": 1}, \"trainable\": {\"type\": \"function\", \"function\": \"brainn\"}}"));
        assertEquals("space.json: params: hartmann6 needs parameters x0..x5 (the space defines 2 of them)",
                problem("{\"params\": {\"x0\": 1, \"x1\": 2}, \"trainable\": {\"type\": \"function\", \"function\": \"hartmann6\"}}"));
        assertEquals("space.json: colour: unknown key (expected one of budget, constraints, description, metric, mode, name, objectives, params, resources, scheduler, searcher, trainable)",
                problem(BRANIN + ", \"colour\": 1}"));
        assertEquals("space.json: trainable: missing: say what to train, e.g. {\"type\": \"function\", \"function\": \"branin\"}",
                problem("{\"params\": {\"x\": 1}}"));
    }

    @Test
    void malformedJsonNamesTheLine() {
        assertTrue(problem("{\"params\": {\n\"x\": [1,2}").startsWith("space.json: line 2, column "));
        assertTrue(problem("{\"params\": {\"x\": 1, \"x\": 2}}").contains("Duplicate field 'x'"));
        assertEquals("space.json: $: the file is empty", problem(""));
    }

    @Test
    void aByteOrderMarkBeforeTheJsonIsSkipped() {
        assertEquals(parse(BRANIN + "}", new Overrides()).trainable(), parse("\uFEFF" + BRANIN + "}", new Overrides()).trainable());
    }

    @Test
    void aFlagsBadValueIsReportedAgainstTheFlag() {
        assertEquals("--max-trials: budget.maxTrials: must be >= 1, got 0",
                problem(BRANIN + "}", new Overrides().set(SpecFlag.MAX_TRIALS, 0)));
        assertEquals("--param lr: params.lr.loguniform: lower bound must be > 0, got 0.0",
                problem(BRANIN + "}", new Overrides().param("lr", "loguniform[0:1]")));
    }

    @Test
    void anAbsurdGridNeedsAnExplicitBudget() {
        String huge = "{\"params\": {\"x0\": \"1:10000\", \"x1\": \"1:10000\", \"x2\": \"1:10000\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"rosenbrock\"}, \"searcher\": \"grid\"";
        assertEquals("space.json: params: the grid has 1000000000000 points; set budget.maxTrials (or --max-trials) to run part of it",
                problem(huge + "}"));
        assertEquals(1000, parse(huge + ", \"budget\": {\"maxTrials\": 1000}}", new Overrides()).budget().maxTrials());
    }

    @Test
    void theBudgetIsNotPartOfTheSweepsIdentity() {
        SweepSpec a = parse(BRANIN + ", \"budget\": {\"maxTrials\": 5}}", new Overrides());
        SweepSpec b = parse(BRANIN + ", \"budget\": {\"maxTrials\": 50, \"timeBudget\": \"2h\"}}", new Overrides());
        assertEquals(a.identity(), b.identity());
        SweepSpec c = parse(BRANIN + "}", new Overrides().param("x0", "uniform[-5:9]"));
        assertEquals("params.x0: was \"uniform[-5:10]\", now \"uniform[-5:9]\"",
                SpecIdentity.firstDifference(a.identity(), c.identity()).orElseThrow());
    }

    @Test
    void aSeedFlagOnAShorthandSearcherIsTheSameSweep() {
        SweepSpec seeded = parse(BRANIN + ", \"searcher\": \"random\"}", new Overrides().set(SpecFlag.SEED, 7L));
        SweepSpec resumed = parse(BRANIN + ", \"searcher\": \"random\"}", new Overrides());
        assertEquals(java.util.Optional.empty(), SpecIdentity.firstDifference(seeded.identity(), resumed.identity()));
        SweepSpec other = parse(BRANIN + ", \"searcher\": \"sobol\"}", new Overrides().set(SpecFlag.SEED, 7L));
        assertEquals("searcher: was \"random\", now \"sobol\"", SpecIdentity.firstDifference(resumed.identity(), other.identity()).orElseThrow());
    }
}
