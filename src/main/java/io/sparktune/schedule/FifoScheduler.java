package io.sparktune.schedule;

/** Runs every trial to the end. */
final class FifoScheduler implements Scheduler {

    @Override
    public Decision onReport(int trialId, long step, double[] losses, double violation) {
        return Decision.CONTINUE;
    }
}
