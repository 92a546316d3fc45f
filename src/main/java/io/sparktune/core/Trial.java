package io.sparktune.core;

import java.io.Serializable;

/**
 * One training run to do: its id in the sweep, its parameter values, its seed, and which attempt
 * this is (above 1 when the trial runs again after its driver died).
 */
public record Trial(int id, Config config, long seed, int attempt) implements Serializable {

    /** A new trial's first run, seeded from the master seed as every run of it will be. */
    public static Trial firstAttempt(int id, Config config, long masterSeed) {
        return new Trial(id, config, seedFor(masterSeed, id), 1);
    }

    public Trial nextAttempt() {
        return new Trial(id, config, seed, attempt + 1);
    }

    /** Every trial's seed comes from the master seed and its id, so a re-run trial sees the same randomness. */
    public static long seedFor(long masterSeed, int id) {
        long z = masterSeed + 0x9E3779B97F4A7C15L * (id + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
