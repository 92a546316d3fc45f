package io.sparktune.train.djl;

import java.util.SplittableRandom;

/**
 * The randomness of one trial's dropout, drawn in Java from the trial's seed. libtorch's generator is
 * one per process, so two trials training at once in one executor would draw from it in an order
 * that depends on timing; a generator per trial keeps each trial repeatable.
 */
final class DropoutNoise {
    private SplittableRandom random = new SplittableRandom(0);

    /** Restarts the sequence, once per epoch, so a trial resumed at an epoch draws what it would have. */
    void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    /** Inverted dropout: each value is 0 with probability {@code rate}, else {@code 1 / (1 - rate)}. */
    float[] mask(int size, double rate) {
        float keep = (float) (1 / (1 - rate));
        float[] mask = new float[size];
        for (int i = 0; i < size; i++) {
            mask[i] = random.nextDouble() < rate ? 0f : keep;
        }
        return mask;
    }
}
