package io.sparktune.testing;

import io.sparktune.core.Config;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepFile;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Writes a finished sweep's directory without running one: sweep.json from a real spec, and a
 * journal of trials at random points of its space, exactly as the engine writes them. For tests and
 * benchmarks of what reads sweeps (reports, exports) at sizes a real run would take minutes to make.
 */
public final class SyntheticSweep {
    private SyntheticSweep() {
    }

    /**
     * @param loss          the objective of a config; NaN makes the trial FAILED with the error "diverged"
     * @param stepsPerTrial steps each trial reports (in progress.jsonl), falling to its loss; 0 for none
     */
    public static void write(String dir, String spaceJson, int trials, ToDoubleFunction<Config> loss, int stepsPerTrial)
            throws IOException {
        SweepSpec spec = SpecParser.parse("synthetic.json", spaceJson, "synthetic", new Overrides());
        SweepDirectory directory = SweepDirectory.at(dir, new Configuration());
        long start = 1_700_000_000_000L;
        new SweepFile(spec.name(), spec.goals(), spec.identity(), 7, "test", start, null).write(directory);
        Journal journal = new Journal(directory, "synthetic", Long.MAX_VALUE);
        Random random = new Random(7);
        for (int id = 0; id < trials; id++) {
            double[] unit = new double[spec.space().dimensions().size()];
            for (int d = 0; d < unit.length; d++) {
                unit[d] = random.nextDouble();
            }
            Config config = spec.space().fromUnit(unit);
            Trial trial = Trial.firstAttempt(id, config, 7);
            double value = loss.applyAsDouble(config);
            long begin = start + id * 100L;
            long end = begin + 50 + random.nextInt(100);
            journal.add(new JournalRecord.Started(trial, begin));
            boolean failed = Double.isNaN(value);
            if (!failed && stepsPerTrial > 0) {
                ProgressLog progress = new ProgressLog(directory, id, Long.MAX_VALUE, 0);
                for (int step = 1; step <= stepsPerTrial; step++) {
                    progress.add(new ProgressLog.Step(step, begin + step, Map.of(spec.objective().metric(), value + 1.0 / step - 1.0 / stepsPerTrial)));
                }
                progress.flush();
            }
            journal.add(new JournalRecord.Finished(failed
                    ? TrialResult.failed(trial, "diverged", begin, end, "host-" + id % 3, 1)
                    : new TrialResult(id, config, trial.seed(), TrialStatus.COMPLETED, Map.of(spec.objective().metric(), value),
                    stepsPerTrial, begin, end, "host-" + id % 3, null, 1)));
            journal.flushIfDue();
        }
        journal.flush();
    }
}
