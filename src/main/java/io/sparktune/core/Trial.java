package io.sparktune.core;

import java.io.Serializable;

/** One training run to do: its id in the sweep, its parameter values and its seed. */
public record Trial(int id, Config config, long seed) implements Serializable {

    /** Every trial's seed comes from the master seed and its id, so a re-run trial sees the same randomness. */
    public static long seedFor(long masterSeed, int id) {
        long z = masterSeed + 0x9E3779B97F4A7C15L * (id + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
