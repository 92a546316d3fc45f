package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void anOffsetOfSeveralMediansKeepsTheGoodLossesNearlyEvenlySpaced() {
        double[] losses = {0, 1, 2, 3, 4, 5, 6};
        double[] fourMedians = new Targets(observations(losses), 4).values();
        double[] oneMedian = new Targets(observations(losses), 1).values();
        assertTrue(lastGapShare(fourMedians) > 0.6, "offset 4: " + Arrays.toString(fourMedians));
        assertTrue(lastGapShare(oneMedian) < 0.5, "offset 1 stretches the best end: " + Arrays.toString(oneMedian));
    }

    @Test
    void theLogJacobianIsThatOfTheLogAndTheScaling() {
        // Median 1, offset 1: z = log 1, log 2, log 4, scaled by their (population) sd and shifted
        // so that the upper quartile, here the largest of three, is 0.
        Targets targets = new Targets(observations(new double[] {0, 1, 3}), 1);
        double[] z = {0, Math.log(2), Math.log(4)};
        double mean = Arrays.stream(z).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(z).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
        assertEquals(-(z[0] + z[1] + z[2]) - 3 * Math.log(sd), targets.logJacobian(), 1e-12);
        assertEquals((z[0] - z[2]) / sd, targets.values()[0], 1e-12);
        assertEquals(0, targets.values()[2], 1e-12);
    }

    @Test
    void theModelsPriorMeanIsTheUpperQuartileSoThatTheUnexploredLooksWorseThanMostTrials() {
        double[] losses = {5, 0.1, 9, 2, 7, 3, 40, 1};
        double[] t = targets(losses);
        assertEquals(0, t[2], 1e-12, "9, the loss at sorted index 3n/4 = 6 of 8, maps to the prior mean: " + Arrays.toString(t));
        assertEquals(7, Arrays.stream(t).filter(v -> v <= 1e-12).count(), "every loss but 40 is at or below the prior mean: " + Arrays.toString(t));
    }

    private static double lastGapShare(double[] t) {
        return (t[t.length - 1] - t[t.length - 2]) / (t[1] - t[0]);
    }

    private static double[] targets(double[] losses) {
        return new Targets(observations(losses), 4).values();
    }

    private static List<Observation> observations(double[] losses) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            observations.add(new Observation(i, Config.of(Map.of("x", i)), losses[i], TrialStatus.COMPLETED, 1));
        }
        return observations;
    }

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
    }
}
