package io.sparktune.schedule;

import io.sparktune.core.Goals;
import io.sparktune.pareto.Candidate;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.fs.FileStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The median stopping rule (Golovin et al., "Google Vizier"): after {@code gracePeriod} steps, a
 * trial stops when its best loss so far is worse than the median of the other trials' running
 * averages (mean loss over their steps up to this one), counting only trials that reached this
 * step, and only once {@code minSamples} of them have. The others' progress logs are read from the
 * sweep directory, at most once per {@code refreshMillis}, as they are written no oftener.
 *
 * <p>With several objectives every one of those numbers is a vector: the trial's best so far in
 * each objective, the others' running average in each, and their median in each. The trial stops
 * when that median point dominates its best point, that is when an ordinary trial of the sweep
 * has done better in every objective than this one has in any of its steps. With one objective this
 * is the rule above. Constraints play no part here; the final result's feasibility judges them.
 */
final class MedianScheduler implements Scheduler {
    private final SweepDirectory dir;
    private final Goals goals;
    private final long gracePeriod;
    private final int minSamples;
    private final long refreshMillis;
    private final Map<Integer, List<ProgressLog.Step>> others = new HashMap<>();
    private long readAt;
    private double[] best;

    MedianScheduler(SweepDirectory dir, Goals goals, long gracePeriod, int minSamples, long refreshMillis) {
        this.dir = dir;
        this.goals = goals;
        this.gracePeriod = gracePeriod;
        this.minSamples = minSamples;
        this.refreshMillis = refreshMillis;
    }

    @Override
    public Decision onReport(int trialId, long step, double[] losses, double violation) {
        try {
            if (best == null) {
                // A resumed trial's earlier steps count towards its best as well.
                best = losses.clone();
                for (ProgressLog.Step earlier : ProgressLog.read(dir, trialId)) {
                    lossesOf(earlier).ifPresent(this::improveBest);
                }
            }
            improveBest(losses);
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

    private void improveBest(double[] losses) {
        for (int i = 0; i < best.length; i++) {
            best[i] = Math.min(best[i], losses[i]);
        }
    }

    /** Stops when the others' median point dominates {@code best}. */
    static Decision decide(double[] best, List<double[]> averages, int minSamples) {
        if (averages.size() < minSamples) {
            return Decision.CONTINUE;
        }
        double[] median = new double[best.length];
        for (int m = 0; m < median.length; m++) {
            int objective = m;
            double[] sorted = averages.stream().mapToDouble(a -> a[objective]).sorted().toArray();
            int n = sorted.length;
            median[m] = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
        return new Candidate(-1, median, 0).dominates(new Candidate(-1, best, 0)) ? Decision.STOP : Decision.CONTINUE;
    }

    private List<double[]> runningAverages(long step) {
        List<double[]> averages = new ArrayList<>();
        for (List<ProgressLog.Step> steps : others.values()) {
            double[] sum = new double[goals.objectives().size()];
            int count = 0;
            boolean reached = false;
            for (ProgressLog.Step s : steps) {
                reached |= s.step() >= step;
                Optional<double[]> losses = lossesOf(s);
                if (s.step() <= step && losses.isPresent()) {
                    Arrays.setAll(sum, i -> sum[i] + losses.get()[i]);
                    count++;
                }
            }
            if (reached && count > 0) {
                int n = count;
                averages.add(Arrays.stream(sum).map(v -> v / n).toArray());
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

    private Optional<double[]> lossesOf(ProgressLog.Step step) {
        return goals.losses(step.metrics());
    }
}
