package io.sparktune.core;

import java.io.Serializable;

/** What one trial asks of the cluster: cpu cores and GPUs (a fraction shares one GPU). */
public record Resources(int cpus, double gpus) implements Serializable {
    public static final Resources DEFAULT = new Resources(1, 0);

    public Resources {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be >= 1, got " + cpus);
        }
        if (gpus < 0) {
            throw new IllegalArgumentException("gpus must be >= 0, got " + gpus);
        }
    }
}
