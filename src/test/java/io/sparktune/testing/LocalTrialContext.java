package io.sparktune.testing;

import io.sparktune.train.TrialContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A trial context for driving a trainable directly: given GPU addresses, a scheduler that stops the
 * trial after {@code stopAfterStep}, and outputs and checkpoints kept in memory. The trainable under test is real.
 */
public final class LocalTrialContext implements TrialContext {
    private final Path scratch;
    private final List<String> gpus;
    private final long stopAfterStep;
    private final List<Long> reportedSteps = new ArrayList<>();
    private final Map<String, String> outputs = new ConcurrentHashMap<>();
    private volatile boolean stop;
    private Checkpoint checkpoint;

    public LocalTrialContext(Path scratch, List<String> gpus, long stopAfterStep) {
        this.scratch = scratch;
        this.gpus = gpus;
        this.stopAfterStep = stopAfterStep;
    }

    public List<Long> reportedSteps() {
        return reportedSteps;
    }

    public String output(String name) {
        return outputs.get(name);
    }

    @Override
    public int trialId() {
        return 7;
    }

    @Override
    public long seed() {
        return 42;
    }

    @Override
    public int cpus() {
        return 1;
    }

    @Override
    public List<String> gpus() {
        return gpus;
    }

    @Override
    public synchronized boolean report(long step, Map<String, Double> metrics) {
        reportedSteps.add(step);
        if (step >= stopAfterStep) {
            stop = true;
        }
        return !stop;
    }

    @Override
    public boolean shouldStop() {
        return stop;
    }

    /** Checkpoints stay in memory: the newest one, as the store keeps it. */
    @Override
    public synchronized void saveCheckpoint(long step, StateWriter state) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        state.write(bytes);
        checkpoint = new Saved(step, bytes.toByteArray());
    }

    @Override
    public synchronized Optional<Checkpoint> latestCheckpoint() {
        return Optional.ofNullable(checkpoint);
    }

    private record Saved(long step, byte[] state) implements Checkpoint {
        @Override
        public java.io.InputStream open() {
            return new java.io.ByteArrayInputStream(state);
        }
    }

    @Override
    public Path scratchDir() throws IOException {
        return Files.createDirectories(scratch);
    }

    @Override
    public void saveOutput(String name, byte[] content) {
        outputs.put(name, new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public void saveModelFile(String name, StateWriter content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        content.write(bytes);
        outputs.put("model/" + name, bytes.toString(StandardCharsets.ISO_8859_1));
    }

    /** Writes the folder under the scratch directory, at {@code model-folder}. */
    @Override
    public void saveModelFolder(FolderWriter writer) throws IOException {
        writer.write(scratch.resolve("model-folder").toUri().toString());
    }
}
