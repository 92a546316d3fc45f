package io.sparktune.trial;

import io.sparktune.core.Config;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.StoreLocation;
import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.sparktune.testing.Shipping.shipped;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A trial runner as an executor receives it: serialised with the trainable and scheduler specs that
 * the driver validated, and running trials from them alone.
 */
class ShippedRunnerTest {
    @TempDir
    Path tmp;

    private TrialRunner shippedRunner(String json) {
        SweepSpec spec = SpecParser.parse("s.json", json, "s", new Overrides());
        TrialRunner runner = new TrialRunner(new StoreLocation(SweepDirectory.at(tmp.resolve("sweep").toString(), new Configuration())),
                spec.trainable(), spec.scheduler(), spec.goals(), null, 1, 100, null);
        return shipped(runner);
    }

    @Test
    void aShippedRunnerTrainsWithTheFunctionsOptionsAndStopsWithTheSchedulers() throws Exception {
        TrialRunner runner = shippedRunner("{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\", \"steps\": 9},"
                + " \"scheduler\": {\"type\": \"asha\", \"maxSteps\": 9}}");

        TrialResult good = runner.run(new Trial(0, Config.of(Map.of("x0", Math.PI, "x1", 2.275)), 1, 1));
        TrialResult poor = runner.run(new Trial(1, Config.of(Map.of("x0", -5.0, "x1", 0.0)), 2, 1));

        assertEquals(TrialStatus.COMPLETED, good.status(), good.toString());
        assertEquals(9, good.steps(), "the function's 9 steps");
        assertEquals(0.397887, good.metrics().get("loss"), 1e-6, "branin's minimum");
        assertEquals(TrialStatus.STOPPED, poor.status(), "asha stops the worse of two at its first rung: " + poor);
        assertEquals(1, poor.steps());
    }

    @Test
    void aShippedRunnerStartsTheCommandWithItsArgvAndReadsItsMetricsByItsRegex() throws Exception {
        TrialRunner runner = shippedRunner("{\"params\": {\"x\": \"[0.25, 0.5]\"}, \"trainable\": {\"type\": \"command\","
                + " \"argv\": [\"python3\", \"-c\", \"print('loss=${x}')\"], \"timeout\": \"1m\","
                + " \"metrics\": {\"regex\": \"(?<name>\\\\w+)=(?<value>\\\\S+)\"}}}");

        TrialResult result = runner.run(new Trial(0, Config.of(Map.of("x", 0.25)), 1, 1));

        assertEquals(TrialStatus.COMPLETED, result.status(), result.toString());
        assertEquals(Map.of("loss", 0.25), result.metrics());
    }
}
