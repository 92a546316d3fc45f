package io.sparktune.train.function;

import io.sparktune.core.Config;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrialContext;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A benchmark function as a trial. With {@code steps} above 1 it reports a learning curve that falls
 * to the function's value at the last step, sleeping {@code stepSeconds} per step to stand in for
 * training time; every trial's curve has the same offset at a given step, so early values rank
 * trials as their final values do, unless {@code curveSpread} is above 0: then each trial's curve also
 * carries its own offset, up to curveSpread at step 1 and falling linearly to 0 at the last step, so
 * that curves cross and a trial that looks poor early may end best. With {@code checkpoint} it saves
 * a checkpoint each step, so that a retried or paused trial continues where it was, as a real
 * trainable would.
 */
final class FunctionTrainable implements Trainable {
    static final String METRIC = "loss";

    private final BenchmarkFunction function;
    private final long steps;
    private final long stepNanos;
    private final boolean checkpoint;
    private final double curveSpread;

    FunctionTrainable(FunctionOptions options) {
        this.function = options.function();
        this.steps = options.steps();
        this.stepNanos = Math.round(options.stepSeconds() * 1e9);
        this.checkpoint = options.checkpoint();
        this.curveSpread = options.curveSpread();
    }

    @Override
    public Map<String, Double> train(Config config, TrialContext context) throws Exception {
        double value = function.evaluate(config, context.seed());
        // The config, not the seed, fixes how slowly a trial learns: a clone that continues another trial's checkpoint keeps its curve.
        double spread = curveSpread * new SplittableRandom(config.hashCode()).nextDouble();
        Map<String, Double> metrics = Map.of(METRIC, value);
        long first = checkpoint ? context.latestCheckpoint().map(TrialContext.Checkpoint::step).orElse(0L) + 1 : 1;
        for (long step = first; step <= steps; step++) {
            sleep(stepNanos);
            metrics = Map.of(METRIC, value + (double) (steps - step) / (steps * step) + spread * (steps - step) / Math.max(1, steps - 1));
            boolean goOn = steps <= 1 || context.report(step, metrics);
            if (checkpoint) {
                // The state of a function trial is its step; a retried or paused trial goes on from the last one saved.
                // Saved after the report, and when stopping too, so a checkpoint always follows a step the scheduler saw.
                context.saveCheckpoint(step, out -> out.write(0));
            }
            if (!goOn) {
                break;
            }
        }
        return metrics;
    }

    /**
     * Sleeps to the microsecond: Thread.sleep rounds 12.5 ms up to 13, which would make every step 4%
     * longer than asked and the engine's overhead look that much larger in benchmarks.
     */
    private static void sleep(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException("trial stopped while training");
            }
        }
    }
}
