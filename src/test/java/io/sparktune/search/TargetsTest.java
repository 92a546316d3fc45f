package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetsTest {

    @Test
    void oneHugeLossDoesNotFlattenTheDifferencesAmongTheGoodOnes() {
        double[] losses = {0, 1, 2, 1000};
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            observations.add(new Observation(i, Config.of(Map.of("x", i)), losses[i], TrialStatus.COMPLETED, 1));
        }
        double[] t = new Targets(observations).values();
        assertTrue(t[0] < t[1] && t[1] < t[2] && t[2] < t[3], "targets keep the losses' order: " + Arrays.toString(t));
        // Standardised raw losses would put 0 and 1 only 0.0023 apart, against 2.3 for 2 and 1000.
        assertTrue(t[1] - t[0] > 0.1, "0 and 1 should stay distinguishable next to 1000: " + Arrays.toString(t));
    }
}
