package io.sparktune.schedule;

import io.sparktune.core.Goals;
import io.sparktune.core.Objective;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.sparktune.testing.Shipping.shipped;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the driver's validation hands to executors: every scheduler option typed, the defaults filled in. */
class SchedulerSpecTest {

    private static SchedulerSpec parsed(String scheduler) {
        String json = "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\"}, \"scheduler\": " + scheduler + "}";
        return SpecParser.parse("s.json", json, "s", new Overrides()).scheduler();
    }

    @Test
    void eachSchedulersSpecHoldsItsOptionsWithTheDefaultsFilledIn() {
        assertEquals(new SchedulerSpec.FifoOptions(), parsed("\"fifo\""));
        assertEquals(new SchedulerSpec.AshaOptions(9, 1, 3, 1), parsed("{\"type\": \"asha\", \"maxSteps\": 9}"));
        assertEquals(new SchedulerSpec.AshaOptions(27, 3, 2, 2),
                parsed("{\"type\": \"asha\", \"maxSteps\": 27, \"gracePeriod\": 3, \"reductionFactor\": 2, \"brackets\": 2}"));
        assertEquals(new SchedulerSpec.MedianOptions(1, 3), parsed("\"median\""));
        assertEquals(new SchedulerSpec.HyperbandOptions(9, 1, 3), parsed("{\"type\": \"hyperband\", \"maxSteps\": 9}"));
    }

    @Test
    void pbtWithoutMutationsMayChangeEveryParameterOfTheSpace() {
        assertEquals(new SchedulerSpec.PbtOptions(6, 2, 0.25, 0.25, List.of("x0", "x1")),
                parsed("{\"type\": \"pbt\", \"maxSteps\": 6, \"perturbationInterval\": 2}"));
        assertEquals(new SchedulerSpec.PbtOptions(6, 2, 0.5, 0, List.of("x1")), parsed("{\"type\": \"pbt\", \"maxSteps\": 6,"
                + " \"perturbationInterval\": 2, \"quantile\": 0.5, \"resampleProbability\": 0, \"mutations\": [\"x1\"]}"));
    }

    @Test
    void aShippedAshaSpecMakesASchedulerThatStopsTheWorseTrialAtItsFirstRung(@TempDir Path tmp) {
        SchedulerSpec onExecutor = shipped(parsed("{\"type\": \"asha\", \"maxSteps\": 9}"));
        SweepDirectory dir = SweepDirectory.at(tmp.toString(), new Configuration());
        Goals goals = Goals.of(new Objective("loss", Objective.Mode.MIN));

        assertEquals(Decision.CONTINUE, SchedulerRulesTest.report(onExecutor.create(goals, dir), 0, 1, 1.0), "the first at a rung goes on");
        assertEquals(Decision.STOP, SchedulerRulesTest.report(onExecutor.create(goals, dir), 1, 1, 2.0),
                "of two at rung 1 with η = 3, only the best goes on");
    }
}
