package io.sparktune.schedule;

import io.sparktune.cli.Main;
import io.sparktune.core.InvalidInputException;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecFlag;
import io.sparktune.spec.SpecParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad scheduler options are refused before anything runs, with the file (or flag) and the JSON path. */
class SchedulerOptionsTest {

    private static String error(String scheduler, Overrides overrides) {
        String json = "{\"params\": {\"x\": \"[0,1]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}"
                + (scheduler == null ? "" : ", \"scheduler\": " + scheduler) + "}";
        return assertThrows(InvalidInputException.class, () -> SpecParser.parse("s.json", json, "s", overrides)).getMessage();
    }

    private static String error(String scheduler) {
        return error(scheduler, new Overrides());
    }

    @Test
    void anUnknownTypeFromTheFlagNamesTheFlag() {
        assertEquals("--scheduler: scheduler.type: unknown scheduler 'bogus' (expected one of fifo, asha, hyperband, median, pbt)",
                error(null, new Overrides().set(SpecFlag.SCHEDULER, "bogus")));
    }

    @Test
    void theCliRefusesAnUnknownSchedulerWithExit2AndOneLine(@TempDir Path tmp) throws IOException {
        Path space = Files.writeString(tmp.resolve("s.json"),
                "{\"params\": {\"x\": \"[0,1]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"--space", space.toString(), "--scheduler", "bogus"},
                new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
        assertEquals(2, exit);
        assertEquals("--scheduler: scheduler.type: unknown scheduler 'bogus' (expected one of fifo, asha, hyperband, median, pbt)",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void anUnknownOptionNamesItsPathAndTheKnownOnes() {
        assertEquals("s.json: scheduler.grace: unknown option for scheduler 'asha' (known: brackets, gracePeriod, maxSteps, reductionFactor)",
                error("{\"type\": \"asha\", \"maxSteps\": 9, \"grace\": 1}"));
    }

    @Test
    void maxStepsIsRequiredWhereStepsAreCounted() {
        assertEquals("s.json: scheduler.maxSteps: missing: expected a whole number >= 1", error("{\"type\": \"asha\"}"));
        assertEquals("s.json: scheduler.maxSteps: missing: expected a whole number >= 1", error("\"hyperband\""));
    }

    @Test
    void optionsOutOfRangeAreRefused() {
        assertEquals("s.json: scheduler.reductionFactor: expected a whole number >= 2, got 1",
                error("{\"type\": \"asha\", \"maxSteps\": 9, \"reductionFactor\": 1}"));
        assertEquals("s.json: scheduler.gracePeriod: must be below maxSteps (9), got 9",
                error("{\"type\": \"asha\", \"maxSteps\": 9, \"gracePeriod\": 9}"));
        assertEquals("s.json: scheduler.perturbationInterval: must be below maxSteps (6), got 6",
                error("{\"type\": \"pbt\", \"maxSteps\": 6, \"perturbationInterval\": 6}"));
        assertEquals("s.json: scheduler.quantile: expected a number from 0.01 to 0.5, got 0.7",
                error("{\"type\": \"pbt\", \"maxSteps\": 6, \"perturbationInterval\": 2, \"quantile\": 0.7}"));
        assertEquals("s.json: scheduler.minSamples: expected a whole number >= 1, got 0",
                error("{\"type\": \"median\", \"minSamples\": 0}"));
    }
}
