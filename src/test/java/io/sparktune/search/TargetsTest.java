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
        double[] t = targets(losses);
        assertTrue(t[0] < t[1] && t[1] < t[2] && t[2] < t[3], "targets keep the losses' order: " + Arrays.toString(t));
        double rawGap = 1 / standardDeviation(losses);
        assertTrue(t[1] - t[0] > 10 * rawGap,
                "0 and 1 should stay distinguishable next to 1000 (standardised raw losses: " + rawGap + " apart): " + Arrays.toString(t));
    }

    @Test
    void lossesWithinAFewMediansKeepNearlyEvenSpacing() {
        double[] t = targets(new double[] {0, 1, 2, 3, 4, 5, 6});
        double firstGap = t[1] - t[0];
        double lastGap = t[6] - t[5];
        // A log offset by one median would make the last gap 0.41 of the first and exploit the best too early.
        assertTrue(lastGap > 0.6 * firstGap && lastGap < firstGap, "gaps " + firstGap + " and " + lastGap + ": " + Arrays.toString(t));
    }

    private static double[] targets(double[] losses) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            observations.add(new Observation(i, Config.of(Map.of("x", i)), losses[i], TrialStatus.COMPLETED, 1));
        }
        return new Targets(observations).values();
    }

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
    }
}
