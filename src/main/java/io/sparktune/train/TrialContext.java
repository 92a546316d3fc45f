package io.sparktune.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a trainable may know and do while it trains on an executor. Calls come from the thread that
 * runs {@link Trainable#train}.
 */
public interface TrialContext {

    int trialId();

    /** The trial's own seed: fix initialisation and shuffling with it and a re-run sees the same data order. */
    long seed();

    /** Cores this trial may use: set intra-op thread pools to this, never to the machine's core count. */
    int cpus();

    /** GPU addresses that Spark assigned to this trial's task; empty means train on the CPU. */
    List<String> gpus();

    /**
     * Records the metrics of one step (an epoch, an iteration) in the sweep directory and asks the
     * scheduler whether to go on.
     *
     * <p>Save a checkpoint after this call, also when it returns false: a synchronous scheduler
     * (hyperband, pbt) pauses a trial this way and later resumes it from its latest checkpoint.
     *
     * @return false when the trial should stop now: a scheduler stopped or paused it, or its time ran out
     */
    boolean report(long step, Map<String, Double> metrics);

    /** Whether the trial has been asked to stop; cheap to call in tight loops. */
    boolean shouldStop();

    /** Saves the state after {@code step}, atomically: a crash mid-write leaves the previous checkpoint. */
    void saveCheckpoint(long step, StateWriter state) throws IOException;

    /** The newest checkpoint of this trial, from an earlier attempt or an earlier step. */
    Optional<Checkpoint> latestCheckpoint() throws IOException;

    /** Writes a trainable's state. */
    @FunctionalInterface
    interface StateWriter {
        void write(OutputStream out) throws IOException;
    }

    /** A saved state and the step it was saved after. */
    interface Checkpoint {
        long step();

        InputStream open() throws IOException;
    }
}
