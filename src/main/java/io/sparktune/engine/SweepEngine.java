package io.sparktune.engine;

import io.sparktune.core.Config;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.search.Searcher;
import io.sparktune.search.Searchers;
import io.sparktune.spec.Budget;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.BestFile;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.StoreLocation;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepLock;
import io.sparktune.trial.TrialRunner;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The driver loop. It keeps {@code parallelism} trials in flight: whenever results come back it
 * records them and the trials it starts next in one journal file, then launches those trials as a
 * Spark job. Trials started by a dead driver run again first; at the time budget's end no new trial
 * starts, and running ones are cancelled to run again next time.
 */
public final class SweepEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SweepEngine.class);
    /** A trial whose executor keeps dying is recorded as failed after this many tries. */
    static final int MAX_ATTEMPTS = 4;
    private static final long CANCEL_WAIT_MILLIS = 30_000;

    private final SweepSpec spec;
    private final SweepDirectory dir;
    private final long masterSeed;
    private final String runId;
    private final SweepLock lock;
    private final Supplier<SparkContext> spark;
    private final PrintStream out;
    private final long progressMillis;
    private final SweepDirectory restartFrom;

    /** @param restartFrom another sweep whose results seed the searcher ({@code --restart-from}), or null */
    public SweepEngine(SweepSpec spec, SweepDirectory dir, long masterSeed, String runId, SweepLock lock,
                       Supplier<SparkContext> spark, PrintStream out, long progressMillis, SweepDirectory restartFrom) {
        this.spec = spec;
        this.dir = dir;
        this.masterSeed = masterSeed;
        this.runId = runId;
        this.lock = lock;
        this.spark = spark;
        this.out = out;
        this.progressMillis = progressMillis;
        this.restartFrom = restartFrom;
    }

    public SweepOutcome run() throws IOException, InterruptedException {
        long start = System.currentTimeMillis();
        Searcher searcher = Searchers.create(spec.searcher(), spec.space(), masterSeed);
        SweepState state = new SweepState(spec.objective(), searcher.learns());
        if (restartFrom != null) {
            out.println(state.seedFrom(restartFrom, spec.space()));
        }
        state.replay(dir);
        Budget budget = spec.budget();
        int total = budget.totalTrials(searcher.size());
        Deque<Trial> rerun = new ArrayDeque<>(state.unfinished());
        if (!rerun.isEmpty()) {
            out.println("resuming: " + state.done() + " trials done, " + rerun.size() + " to run again");
        }
        Long deadline = budget.timeBudgetIfSet().map(d -> start + d.toMillis()).orElse(null);

        Journal journal = new Journal(dir, runId);
        ProgressLine progress = new ProgressLine(out, progressMillis);
        List<JournalRecord> unwritten = new ArrayList<>();
        TrialLauncher launcher = null;
        int parallelism = 0;
        int inFlight = 0;
        boolean exhausted = false;
        boolean outOfTime = false;
        long cancelledAt = 0;
        long durationSum = 0;
        int durationCount = 0;

        while (true) {
            if (lock.lost()) {
                throw new IllegalStateException("another run took the lock of " + dir.uri() + "; this run stops");
            }
            long now = System.currentTimeMillis();
            long expected = durationCount == 0 ? 0 : durationSum / durationCount;
            if (deadline != null && !outOfTime && now + expected >= deadline) {
                outOfTime = true;
            }
            boolean moreToStart = !rerun.isEmpty() || (!exhausted && state.history().created() < total);
            List<Trial> batch = new ArrayList<>();
            if (!outOfTime && moreToStart) {
                if (launcher == null) {
                    SparkContext sc = spark.get();
                    parallelism = budget.parallelismIfSet()
                            .orElse(Math.max(1, sc.defaultParallelism() / spec.resources().cpus()));
                    launcher = new TrialLauncher(sc, runner());
                    out.println("sweep " + spec.name() + ": " + total + " trials, " + parallelism + " at a time, "
                            + spec.searcher().type() + " search, results in " + dir.uri());
                }
                while (batch.size() < parallelism - inFlight && !rerun.isEmpty()) {
                    batch.add(rerun.poll().nextAttempt());
                }
                int room = Math.min(parallelism - inFlight - batch.size(), total - state.history().created());
                if (room > 0 && !exhausted) {
                    List<Config> configs = searcher.suggest(room, state.history());
                    exhausted = configs.size() < room;
                    int id = state.history().created();
                    for (Config config : configs) {
                        batch.add(new Trial(id, config, Trial.seedFor(masterSeed, id), 1));
                        id++;
                    }
                }
                for (Trial trial : batch) {
                    state.started(trial);
                    unwritten.add(new JournalRecord.Started(trial, now));
                }
            }
            // Results and the trials that take their slots go into one journal file, before those trials start.
            journal.append(unwritten);
            unwritten.clear();
            if (!batch.isEmpty()) {
                launcher.launch(spec.name(), batch, budget.trialsPerTask());
                inFlight += batch.size();
            }
            if (inFlight == 0) {
                break;
            }
            if (outOfTime && cancelledAt == 0) {
                out.println("time budget reached: stopping " + inFlight + " running trials; they run again next time");
                launcher.cancelAll();
                cancelledAt = System.currentTimeMillis();
            }
            if (cancelledAt > 0 && System.currentTimeMillis() - cancelledAt > CANCEL_WAIT_MILLIS) {
                LOG.warn("{} trials did not wind up within {}s of cancellation; leaving them", inFlight, CANCEL_WAIT_MILLIS / 1000);
                break;
            }
            long wait = deadline != null && !outOfTime ? Math.max(1, Math.min(progressMillis, deadline - System.currentTimeMillis()))
                    : progressMillis;
            Completion first = launcher.completions().poll(wait, TimeUnit.MILLISECONDS);
            List<Completion> arrived = new ArrayList<>();
            if (first != null) {
                arrived.add(first);
                launcher.completions().drainTo(arrived);
            }
            TrialResult bestBefore = state.best();
            for (Completion completion : arrived) {
                if (completion instanceof Completion.Results results) {
                    for (TrialResult result : results.results()) {
                        inFlight--;
                        if (state.finished(result)) {
                            unwritten.add(new JournalRecord.Finished(result));
                            durationSum += result.endMillis() - result.startMillis();
                            durationCount++;
                        }
                    }
                } else {
                    Completion.Lost lost = (Completion.Lost) completion;
                    inFlight -= lost.trials().size();
                    if (cancelledAt == 0) {
                        requeueOrFail(lost, rerun, state, unwritten);
                    }
                }
            }
            if (state.best() != bestBefore) {
                BestFile.write(dir, spec.objective(), state.best());
            }
            progress.maybePrint(state, inFlight, total);
        }
        journal.append(unwritten);
        progress.print(state, 0, total);
        journal.compact();

        boolean workLeft = !rerun.isEmpty() || !state.unfinished().isEmpty()
                || (!exhausted && state.history().created() < total);
        SweepOutcome.Status status = workLeft ? SweepOutcome.Status.OUT_OF_TIME
                : state.completed() + state.stopped() == 0 ? SweepOutcome.Status.NO_SUCCESS
                : SweepOutcome.Status.COMPLETE;
        return new SweepOutcome(status, state.done(), state.completed(), state.stopped(), state.failed(), state.retried(),
                total, state.best(), Duration.ofMillis(System.currentTimeMillis() - start));
    }

    /** A job failed without results (executors lost beyond Spark's retries): run its trials again, a few times. */
    private void requeueOrFail(Completion.Lost lost, Deque<Trial> rerun, SweepState state, List<JournalRecord> unwritten) {
        for (Trial trial : lost.trials()) {
            if (trial.attempt() < MAX_ATTEMPTS) {
                LOG.warn("trial {} lost ({}); it runs again", trial.id(), lost.cause().getMessage());
                rerun.add(trial);
            } else {
                long now = System.currentTimeMillis();
                TrialResult failed = TrialResult.failed(trial, "lost " + trial.attempt() + " times; last: "
                        + lost.cause().getMessage(), now, now, "driver", trial.attempt());
                if (state.finished(failed)) {
                    unwritten.add(new JournalRecord.Finished(failed));
                }
            }
        }
    }

    private TrialRunner runner() {
        return new TrialRunner(new StoreLocation(dir), spec.trainable(), spec.scheduler(), spec.objective(),
                spec.budget().trialTimeout(), spec.resources().cpus(), 2_000);
    }
}
