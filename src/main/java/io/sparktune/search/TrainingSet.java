package io.sparktune.search;

import io.sparktune.core.Observation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which observations an exact Gaussian process fits once there are too many: its cost grows with the
 * cube of their number. Half the places go to the lowest losses, where the search now works, and
 * half to a random draw of the rest, so the model still knows the shape of the whole space.
 */
final class TrainingSet {
    private final int maxPoints;

    TrainingSet(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    List<Observation> select(List<Observation> observations, SplittableRandom random) {
        if (observations.size() <= maxPoints) {
            return observations;
        }
        List<Observation> ranked = new ArrayList<>(observations);
        ranked.sort(Comparator.comparingDouble(Observation::loss));
        int bestCount = maxPoints / 2;
        List<Observation> chosen = new ArrayList<>(ranked.subList(0, bestCount));
        List<Observation> rest = new ArrayList<>(ranked.subList(bestCount, ranked.size()));
        for (int i = 0; i < maxPoints - bestCount; i++) {
            int pick = i + random.nextInt(rest.size() - i);
            Observation swap = rest.get(pick);
            rest.set(pick, rest.get(i));
            rest.set(i, swap);
            chosen.add(swap);
        }
        return chosen;
    }
}
