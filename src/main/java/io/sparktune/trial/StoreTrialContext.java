package io.sparktune.trial;

import io.sparktune.core.Objective;
import io.sparktune.schedule.Decision;
import io.sparktune.schedule.Scheduler;
import io.sparktune.store.Checkpoints;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.SweepDirectory;
import io.sparktune.train.TrialContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The executor-side context of one trial run: reports go to the trial's progress log and to the
 * scheduler, checkpoints to the sweep directory.
 */
final class StoreTrialContext implements TrialContext {
    private final int trialId;
    private final long seed;
    private final int cpus;
    private final List<String> gpus;
    private final Objective objective;
    private final Scheduler scheduler;
    private final Checkpoints checkpoints;
    private final ProgressLog progress;
    private volatile boolean stop;
    private volatile Decision decision = Decision.CONTINUE;
    private long steps;

    StoreTrialContext(int trialId, long seed, int cpus, List<String> gpus, Objective objective, Scheduler scheduler,
                      SweepDirectory dir, long progressFlushMillis) throws IOException {
        this.trialId = trialId;
        this.seed = seed;
        this.cpus = cpus;
        this.gpus = List.copyOf(gpus);
        this.objective = objective;
        this.scheduler = scheduler;
        this.checkpoints = new Checkpoints(dir, trialId);
        long resumedStep = checkpoints.latest().map(Checkpoints.Saved::step).orElse(0L);
        this.progress = new ProgressLog(dir, trialId, progressFlushMillis, resumedStep);
        this.steps = resumedStep;
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
    public boolean report(long step, Map<String, Double> metrics) {
        steps = Math.max(steps, step);
        try {
            progress.add(new ProgressLog.Step(step, System.currentTimeMillis(), metrics));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record step " + step + " of trial " + trialId, e);
        }
        Double value = metrics.get(objective.metric());
        if (value != null && !value.isNaN() && decision == Decision.CONTINUE) {
            decision = scheduler.onReport(trialId, step, objective.loss(value));
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

    long steps() {
        return steps;
    }

    void finish() throws IOException {
        progress.flush();
    }

    @Override
    public void saveCheckpoint(long step, StateWriter state) throws IOException {
        checkpoints.save(step, state::write);
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
