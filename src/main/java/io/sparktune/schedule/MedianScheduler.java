package io.sparktune.schedule;

import io.sparktune.core.Objective;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.fs.FileStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The median stopping rule (Golovin et al., "Google Vizier"): after {@code gracePeriod} steps, a
 * trial stops when its best loss so far is worse than the median of the other trials' running
 * averages (mean loss over their steps up to this one), counting only trials that reached this
 * step, and only once {@code minSamples} of them have. The others' progress logs are read from the
 * sweep directory, at most once per {@code refreshMillis}, as they are written no oftener.
 */
final class MedianScheduler implements Scheduler {
    private final SweepDirectory dir;
    private final Objective objective;
    private final long gracePeriod;
    private final int minSamples;
    private final long refreshMillis;
    private final Map<Integer, List<ProgressLog.Step>> others = new HashMap<>();
    private long readAt;
    private double best = Double.NaN;

    MedianScheduler(SweepDirectory dir, Objective objective, long gracePeriod, int minSamples, long refreshMillis) {
        this.dir = dir;
        this.objective = objective;
        this.gracePeriod = gracePeriod;
        this.minSamples = minSamples;
        this.refreshMillis = refreshMillis;
    }

    @Override
    public Decision onReport(int trialId, long step, double loss) {
        try {
            if (Double.isNaN(best)) {
                // A resumed trial's earlier steps count towards its best as well.
                best = loss;
                for (ProgressLog.Step earlier : ProgressLog.read(dir, trialId)) {
                    double value = lossOf(earlier);
                    best = Double.isNaN(value) ? best : Math.min(best, value);
                }
            }
            best = Math.min(best, loss);
            if (step < gracePeriod) {
                return Decision.CONTINUE;
            }
            if (System.currentTimeMillis() - readAt >= refreshMillis) {
                readOthers(trialId);
            }
            return decide(best, runningAverages(step), minSamples);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the progress of other trials for trial " + trialId, e);
        }
    }

    static Decision decide(double best, List<Double> averages, int minSamples) {
        if (averages.size() < minSamples) {
            return Decision.CONTINUE;
        }
        double[] sorted = averages.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return best > median ? Decision.STOP : Decision.CONTINUE;
    }

    private List<Double> runningAverages(long step) {
        List<Double> averages = new ArrayList<>();
        for (List<ProgressLog.Step> steps : others.values()) {
            double sum = 0;
            int count = 0;
            boolean reached = false;
            for (ProgressLog.Step s : steps) {
                double value = lossOf(s);
                reached |= s.step() >= step;
                if (s.step() <= step && !Double.isNaN(value)) {
                    sum += value;
                    count++;
                }
            }
            if (reached && count > 0) {
                averages.add(sum / count);
            }
        }
        return averages;
    }

    private void readOthers(int trialId) throws IOException {
        readAt = System.currentTimeMillis();
        others.clear();
        var trials = dir.resolve("trials");
        if (!dir.exists(trials)) {
            return;
        }
        for (FileStatus trial : dir.fs().listStatus(trials, p -> p.getName().chars().allMatch(Character::isDigit))) {
            int id = Integer.parseInt(trial.getPath().getName());
            if (id != trialId) {
                others.put(id, ProgressLog.read(dir, id));
            }
        }
    }

    private double lossOf(ProgressLog.Step step) {
        Double value = step.metrics().get(objective.metric());
        return value == null ? Double.NaN : objective.loss(value);
    }
}
