package io.sparktune.schedule;

import io.sparktune.store.Rungs;
import io.sparktune.store.SweepDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning"), the early-stopping form: the rungs of bracket b are the steps gracePeriod·η^(b+k) below
 * maxSteps. A trial that reaches a rung records its loss there and goes on only if it ranks in the
 * top 1/η of the records that were there when it arrived (the first to arrive always goes on). With
 * several objectives or constraints it records every loss and its violation, and ranks by Pareto
 * rank, then crowding distance, then hypervolume contribution: MO-ASHA (see {@link RungOrder}).
 * Trial ids take brackets in turn, and a rung compares trials of one bracket only.
 */
final class AshaScheduler implements Scheduler {
    private final Rungs rungs;
    private final long maxSteps;
    private final long gracePeriod;
    private final int reductionFactor;
    private final int brackets;

    AshaScheduler(SweepDirectory dir, long maxSteps, long gracePeriod, int reductionFactor, int brackets) {
        this.rungs = new Rungs(dir);
        this.maxSteps = maxSteps;
        this.gracePeriod = gracePeriod;
        this.reductionFactor = reductionFactor;
        this.brackets = brackets;
    }

    @Override
    public Decision onReport(int trialId, long step, double[] losses, double violation) {
        int bracket = trialId % brackets;
        if (!isRung(bracket, step)) {
            return Decision.CONTINUE;
        }
        try {
            Rungs.Entry own = rungs.record(step, trialId, losses, violation);
            List<Rungs.Entry> arrived = rungs.at(step).stream()
                    .filter(e -> e.trialId() % brackets == bracket && e.notAfter(own)).toList();
            return decide(own.trialId(), arrived, reductionFactor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or record rung " + step + " of trial " + trialId, e);
        }
    }

    /** Whether {@code step} is one of the bracket's rungs: gracePeriod·η^(bracket+k), below maxSteps. */
    boolean isRung(int bracket, long step) {
        long rung = gracePeriod;
        for (int i = 0; i < bracket; i++) {
            rung *= reductionFactor;
        }
        while (rung < step && rung < maxSteps) {
            rung *= reductionFactor;
        }
        return rung == step && rung < maxSteps;
    }

    /** Goes on when the trial ranks within the top ⌊n/η⌋ (at least one) of the n records at its rung. */
    static Decision decide(int trialId, List<Rungs.Entry> recorded, int reductionFactor) {
        return Halving.survivors(recorded, reductionFactor).contains(trialId) ? Decision.CONTINUE : Decision.STOP;
    }
}
