package io.sparktune.trial;

import io.sparktune.core.Goals;
import io.sparktune.schedule.Decision;
import io.sparktune.schedule.Scheduler;
import io.sparktune.store.BestFile;
import io.sparktune.store.Checkpoints;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.StoreUnavailableException;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.TrialOutputs;
import io.sparktune.train.TrialContext;
import org.apache.hadoop.fs.FileUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The executor-side context of one trial run: reports go to the trial's progress log and to the
 * scheduler, checkpoints to the sweep directory.
 *
 * <p>At most one live writer per trial: once the runner lets go ({@link #finish} or {@link #close}),
 * the context is closed, so a trainable abandoned after a timeout or a cancelled task cannot write
 * over the trial's next attempt. Writes and closing hold the context's lock, so the runner's last
 * flush never interleaves with a report, and closing waits for a write in progress to end.
 */
final class StoreTrialContext implements TrialContext {
    private final int trialId;
    private final long seed;
    private final int cpus;
    private final List<String> gpus;
    private final Goals goals;
    private final Scheduler scheduler;
    private final Checkpoints checkpoints;
    private final ProgressLog progress;
    private final TrialOutputs outputs;
    private Path scratch;
    private final SweepDirectory dir;
    private volatile boolean stop;
    private boolean closed;
    private volatile Decision decision = Decision.CONTINUE;
    private long steps;

    StoreTrialContext(int trialId, long seed, int cpus, List<String> gpus, Goals goals, Scheduler scheduler,
                      SweepDirectory dir, long progressFlushMillis) throws IOException {
        this.trialId = trialId;
        this.seed = seed;
        this.cpus = cpus;
        this.gpus = List.copyOf(gpus);
        this.goals = goals;
        this.scheduler = scheduler;
        this.checkpoints = new Checkpoints(dir, trialId);
        this.dir = dir;
        long resumedStep = checkpoints.latest().map(Checkpoints.Saved::step).orElse(0L);
        this.progress = new ProgressLog(dir, trialId, progressFlushMillis, resumedStep);
        this.steps = resumedStep;
        this.outputs = new TrialOutputs(dir, trialId);
    }

    @Override
    public int trialId() {
        return trialId;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int cpus() {
        return cpus;
    }

    @Override
    public List<String> gpus() {
        return gpus;
    }

    @Override
    public synchronized boolean report(long step, Map<String, Double> metrics) {
        if (closed) {
            return false;
        }
        steps = Math.max(steps, step);
        try {
            progress.add(new ProgressLog.Step(step, System.currentTimeMillis(), metrics));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot record step " + step + " of trial " + trialId + ": " + e.getMessage(), e);
        }
        Optional<double[]> losses = goals.losses(metrics);
        if (losses.isPresent() && decision == Decision.CONTINUE) {
            try {
                decision = scheduler.onReport(trialId, step, losses.get(), goals.violationSoFar(metrics));
            } catch (UncheckedIOException e) {
                // Rungs the scheduler cannot read or write are the store's failure, not the trial's: the task fails and Spark retries it.
                throw new StoreUnavailableException("trial " + trialId + " at step " + step + ": " + e.getMessage(), e.getCause());
            }
            if (decision != Decision.CONTINUE) {
                stop = true;
            }
        }
        return !stop;
    }

    @Override
    public boolean shouldStop() {
        return stop;
    }

    void requestStop() {
        stop = true;
    }

    /** What the scheduler said last: STOP or PAUSE once it ended the trial. */
    Decision decision() {
        return decision;
    }

    synchronized long steps() {
        return steps;
    }

    /** Writes the steps not yet in the progress log, then closes; a store fault is the infrastructure's, as in {@link #report}. */
    synchronized void finish() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            progress.flush();
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot record the last steps of trial " + trialId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lets go of the trial without writing (a cancelled run's unsaved steps run again from the last
     * checkpoint) and deletes its scratch directory.
     */
    synchronized void close() {
        closed = true;
        if (scratch != null) {
            FileUtil.fullyDelete(scratch.toFile());
            scratch = null;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("trial " + trialId + " is over; its context takes no more writes");
        }
    }

    @Override
    public synchronized Path scratchDir() throws IOException {
        requireOpen();
        if (scratch == null) {
            // java.io.tmpdir is the container's own temporary folder on YARN and Kubernetes, cleaned with it.
            scratch = Files.createTempDirectory("sparktune-trial-" + trialId + "-");
        }
        return scratch;
    }

    @Override
    public synchronized void saveOutput(String name, byte[] content) throws IOException {
        requireOpen();
        outputs.save(name, content);
    }

    @Override
    public synchronized void saveCheckpoint(long step, StateWriter state) throws IOException {
        requireOpen();
        // The progress log must hold every step up to the checkpoint, or a resumed trial would lose steps.
        progress.flush();
        checkpoints.save(step, state::write);
    }

    @Override
    public synchronized void saveModelFile(String name, StateWriter content) throws IOException {
        requireOpen();
        dir.writeAtomically(BestFile.modelFile(dir, trialId, name), content::write);
    }

    @Override
    public synchronized void saveModelFolder(FolderWriter writer) throws IOException {
        requireOpen();
        dir.replaceFolder(BestFile.modelFolder(dir, trialId), staged -> writer.write(staged.toString()));
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() throws IOException {
        return checkpoints.latest().map(saved -> new Checkpoint() {
            @Override
            public long step() {
                return saved.step();
            }

            @Override
            public InputStream open() throws IOException {
                return checkpoints.open(saved);
            }
        });
    }
}
