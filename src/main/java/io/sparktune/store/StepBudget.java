package io.sparktune.store;

import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * {@code trials/<id>/budget}: the step at which a synchronous scheduler's driver wants the trial to
 * pause this round. The driver writes it before it starts or resumes the trial; the executor reads it.
 */
public final class StepBudget {
    private static final String FILE = "budget";

    private StepBudget() {
    }

    public static void write(SweepDirectory dir, int trialId, long step) throws IOException {
        dir.writeAtomically(path(dir, trialId), Long.toString(step));
    }

    public static OptionalLong read(SweepDirectory dir, int trialId) throws IOException {
        Path path = path(dir, trialId);
        return dir.exists(path) ? OptionalLong.of(Long.parseLong(dir.readText(path).trim())) : OptionalLong.empty();
    }

    private static Path path(SweepDirectory dir, int trialId) {
        return new Path(dir.trialDir(trialId), FILE);
    }
}
