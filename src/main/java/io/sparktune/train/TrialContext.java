package io.sparktune.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
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

    /**
     * A directory on the executor's local disk for this trial run alone, made on the first call and
     * deleted when the run ends: anything worth keeping goes to {@link #saveOutput} or a checkpoint.
     */
    Path scratchDir() throws IOException;

    /**
     * Keeps a small file (a log tail, a summary) with the trial in the sweep directory, under
     * {@code trials/<id>/output/<name>}, replacing an earlier one of that name atomically.
     *
     * @param name a plain file name: letters, digits, '.', '_' and '-', not starting with '.'
     */
    void saveOutput(String name, byte[] content) throws IOException;

    /**
     * Writes one file of the trained model, atomically, to {@code trials/<id>/model/<name>}; when this
     * trial becomes the sweep's best, the driver copies that folder to {@code best/model}.
     *
     * @param name a plain file name: no '/', not starting with '.'
     */
    void saveModelFile(String name, StateWriter content) throws IOException;

    /**
     * Writes the trained model as a folder with a library's own writer (Spark ML's
     * {@code model.write().save(uri)}), into a hidden folder that then replaces
     * {@code trials/<id>/model/} whole; when this trial becomes the sweep's best, the driver copies
     * that folder to {@code best/model}.
     */
    void saveModelFolder(FolderWriter writer) throws IOException;

    /** Writes a model's files under a folder given as a Hadoop URI, which does not exist yet. */
    @FunctionalInterface
    interface FolderWriter {
        void write(String uri) throws IOException;
    }

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
