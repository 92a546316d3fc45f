package io.sparktune.search;

import io.sparktune.core.Trial;

import java.util.SplittableRandom;

/** Reproducible points of the unit cube for trial {@code index}, independent of every other trial. */
final class UnitStreams {
    private UnitStreams() {
    }

    static double[] uniform(long seed, int index, int dimensions) {
        SplittableRandom random = new SplittableRandom(Trial.seedFor(seed, index));
        double[] u = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            u[i] = random.nextDouble();
        }
        return u;
    }
}
