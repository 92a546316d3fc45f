package io.sparktune.search;

import io.sparktune.core.Config;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSetTest {

    @Test
    void aSmallHistoryIsFittedWhole() {
        List<Observation> history = history(20);
        assertSame(history, new TrainingSet(20).select(history, new SplittableRandom(1)));
    }

    @Test
    void aLargeHistoryKeepsTheBestHalfAndDrawsTheRestWithoutRepeats() {
        // Trial i has loss (i * 37) % 100: a shuffled order, so "best" cannot mean "first".
        List<Observation> chosen = new TrainingSet(20).select(history(100), new SplittableRandom(1));
        assertEquals(20, chosen.size());
        Set<Integer> losses = new HashSet<>();
        chosen.forEach(o -> losses.add((int) o.loss()));
        assertEquals(20, losses.size(), "no observation twice: " + losses);
        for (int best = 0; best < 10; best++) {
            assertTrue(losses.contains(best), "loss " + best + " is among the ten best and must be kept: " + losses);
        }
        assertTrue(losses.stream().filter(loss -> loss >= 10).count() == 10, "ten from the rest: " + losses);
    }

    @Test
    void theDrawFollowsTheRandomSeed() {
        List<Observation> history = history(100);
        TrainingSet set = new TrainingSet(20);
        assertEquals(set.select(history, new SplittableRandom(1)), set.select(history, new SplittableRandom(1)));
        assertNotEquals(set.select(history, new SplittableRandom(1)), set.select(history, new SplittableRandom(2)));
    }

    private static List<Observation> history(int n) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            observations.add(new Observation(i, Config.of(Map.of("x", i)), (i * 37) % 100, TrialStatus.COMPLETED, 1));
        }
        return observations;
    }
}
