package io.sparktune.engine;

import io.sparktune.core.Config;
import io.sparktune.core.SearcherLoad;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.schedule.Round;
import io.sparktune.schedule.Rounds;
import io.sparktune.schedule.Schedulers;
import io.sparktune.search.Searcher;
import io.sparktune.spec.Budget;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.BestFile;
import io.sparktune.store.ParetoFile;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.StoreLocation;
import io.sparktune.store.StoreRetry;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepLock;
import io.sparktune.store.SweepLockedException;
import io.sparktune.trial.TrialRunner;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The driver loop. It keeps {@code parallelism} tasks in flight: whenever results come back it
 * records them, suggests the trials that take the freed slots and launches them together through
 * the sweep's {@link TrialPlacement}: one Spark job on executors, or driver threads for trials that
 * are Spark jobs themselves.
 * A learning searcher gets one trial per task, so that each suggestion sees every result reported so
 * far; other searchers' short trials are packed several to a task ({@link TaskPacking}). Results
 * reach the journal at most a second later, one file per flush; the starts of trials whose configs
 * depend on results reach it before they launch. Trials started by a dead driver run again first.
 * Once the mean trial would overrun the time budget no new trial starts, and at its end the running
 * ones are cancelled to run again next time. A job that Spark gives up on stops the run
 * ({@link TrialsLostException}) and leaves its trials to the next run. With a synchronous scheduler (hyperband, pbt) its
 * {@link Rounds} choose the trials instead, a round at a time: trials that pause wait for the
 * round's end, when the rounds say which resume, which stop and which new ones start.
 */
public final class SweepEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SweepEngine.class);
    private static final long CANCEL_WAIT_MILLIS = 30_000;
    /** Results reach the journal within this long; a dead driver loses at most this much work. */
    private static final long JOURNAL_FLUSH_MILLIS = 1_000;
    /** Writes to the sweep directory are tried this often, 1 s apart and doubling (31 s in all). */
    private static final int STORE_ATTEMPTS = 6;

    private final SweepSpec spec;
    private final SweepDirectory dir;
    private final long masterSeed;
    private final String runId;
    private final SweepLock lock;
    private final Supplier<SparkContext> spark;
    private final PrintStream out;
    private final long progressMillis;
    private final SweepDirectory restartFrom;
    private final boolean retryFailed;

    /**
     * @param restartFrom another sweep whose results seed the searcher ({@code --restart-from}), or null
     * @param retryFailed run the sweep's FAILED trials again first ({@code --retry-failed}, {@link FailedTrials});
     *                    refused with {@code InvalidInputException} when it has none
     */
    public SweepEngine(SweepSpec spec, SweepDirectory dir, long masterSeed, String runId, SweepLock lock,
                       Supplier<SparkContext> spark, PrintStream out, long progressMillis, SweepDirectory restartFrom,
                       boolean retryFailed) {
        this.spec = spec;
        this.dir = dir;
        this.masterSeed = masterSeed;
        this.runId = runId;
        this.lock = lock;
        this.spark = spark;
        this.out = out;
        this.progressMillis = progressMillis;
        this.restartFrom = restartFrom;
        this.retryFailed = retryFailed;
    }

    public LoopOutcome run() throws IOException, InterruptedException {
        return new Run().execute();
    }

    /** One run of the loop: the state it keeps between iterations, and the steps of an iteration. */
    private final class Run {
        private final long start = System.currentTimeMillis();
        private final Searcher searcher = spec.searcher().create(spec.space(), masterSeed);
        private final SweepState state = new SweepState(spec.goals(), searcher.learns());
        private final Budget budget = spec.budget();
        private final int total = budget.totalTrials(searcher.size());
        private final Deque<Trial> rerun = new ArrayDeque<>();
        /** Synchronous schedulers (hyperband, pbt) choose every trial a round runs; null otherwise. */
        private final Rounds rounds = spec.scheduler().rounds(spec.space(), dir, masterSeed).orElse(null);
        /**
         * The searcher itself fills free slots and learns from results: it is asked for a trial only when
         * a slot is free, never ahead for a packed task, so parallelism 1 is sequential search.
         */
        private final boolean feedbackPerTrial = rounds == null && searcher.learns();
        /**
         * Configs chosen from results are journaled before their trials run: a driver that died in between
         * would otherwise give their ids other configs on resume, and those would inherit the old trials'
         * checkpoints and rungs. Other searchers' configs are a function of the trial id alone.
         */
        private final boolean journalBeforeLaunch = searcher.learns() || rounds != null;
        private final Deque<Trial> round = new ArrayDeque<>();
        /** Paused trials wait here for their round's end. */
        private final List<TrialResult> paused = new ArrayList<>();
        private final Long deadline = budget.timeBudgetIfSet().map(d -> start + d.toMillis()).orElse(null);
        private final Journal journal = new Journal(dir, runId, JOURNAL_FLUSH_MILLIS);
        private final StoreRetry store = new StoreRetry(STORE_ATTEMPTS, 1_000);
        private ProgressLine progress;
        private TrialPlacement launcher;
        private int parallelism;
        private int perTask;
        private int inFlight;
        private boolean exhausted;
        /** The mean trial would overrun the time budget: nothing new starts, what runs goes on to the deadline. */
        private boolean closing;
        private long cancelledAt;
        private long durationSum;
        private int durationCount;
        private long suggestNanos;
        private long trainMillis;

        LoopOutcome execute() throws IOException, InterruptedException {
            if (restartFrom != null) {
                out.println(state.seedFrom(restartFrom, spec.space()));
            }
            if (retryFailed) {
                List<Integer> retried = FailedTrials.retry(dir, journal, System.currentTimeMillis());
                store.run("write the journal", journal::flush);
                out.println("retrying " + retried.size() + " FAILED trials: " + retried);
            }
            state.replay(dir);
            rerun.addAll(state.unfinished());
            if (!rerun.isEmpty()) {
                out.println("resuming: " + state.done() + " trials done, " + rerun.size() + " to run again");
            }
            progress = new ProgressLine(out, progressMillis, state.done(), searcher.learns());
            try {
                loop();
            } catch (Throwable e) {
                // A run that ends abnormally (a lost lock, an unreachable store, a bug) leaves no trial writing
                // into a directory it no longer answers for; the journal holds everything up to its last flush.
                if (launcher != null) {
                    launcher.cancelAll();
                }
                throw e;
            }
            progress.finish(state, shownTotal(), load());
            store.run("compact the journal", journal::compact);
            return outcome();
        }

        private void loop() throws IOException, InterruptedException {
            while (true) {
                if (lock.lost()) {
                    throw new SweepLockedException("another run took the lock of " + dir.uri()
                            + "; this run stopped and cancelled its trials");
                }
                long now = System.currentTimeMillis();
                if (deadline != null && !closing && now + meanTrialMillis() >= deadline) {
                    closing = true;
                }
                if (rounds != null && !closing && !exhausted && inFlight == 0 && rerun.isEmpty() && round.isEmpty()) {
                    startRound();
                }
                List<Trial> batch = nextBatch(now);
                if (!batch.isEmpty()) {
                    if (journalBeforeLaunch) {
                        store.run("write the journal", journal::flush);
                    }
                    launcher.launch(spec.name(), batch, perTask);
                    inFlight += batch.size();
                }
                store.run("write the journal", journal::flushIfDue);
                if (inFlight == 0) {
                    return;
                }
                if (deadline != null && cancelledAt == 0 && System.currentTimeMillis() >= deadline) {
                    out.println("time budget reached: stopping " + inFlight + " running trials; they run again next time");
                    launcher.cancelAll();
                    cancelledAt = System.currentTimeMillis();
                }
                if (cancelledAt > 0 && System.currentTimeMillis() - cancelledAt > CANCEL_WAIT_MILLIS) {
                    LOG.warn("{} trials did not wind up within {}s of cancellation; leaving them", inFlight, CANCEL_WAIT_MILLIS / 1000);
                    return;
                }
                absorb(awaitCompletions());
                progress.maybePrint(state, Math.min(inFlight, parallelism), shownTotal(), load());
            }
        }

        private long meanTrialMillis() {
            return durationCount == 0 ? 0 : durationSum / durationCount;
        }

        /** pbt's clones are trials beyond the population the budget counts: the progress shows them too, not 12/8. */
        private int shownTotal() {
            return Math.max(total, state.history().created());
        }

        private SearcherLoad load() {
            return new SearcherLoad(suggestNanos / 1e6, trainMillis, parallelism);
        }

        private void startRound() throws IOException {
            Round next = rounds.next(List.copyOf(paused), new RoundTrials(state, searcher, masterSeed, total, journal));
            paused.clear();
            for (TrialResult stopped : next.stopped()) {
                if (state.finished(stopped)) {
                    journal.add(new JournalRecord.Finished(stopped));
                }
            }
            round.addAll(next.run());
            exhausted = next.run().isEmpty();
        }

        /** The trials that take the free slots, journaled as started: a dead driver's first, then a round's, then new suggestions. */
        private List<Trial> nextBatch(long now) throws IOException {
            if (closing || !moreToStart()) {
                return List.of();
            }
            if (launcher == null) {
                startLauncher();
            }
            int unsuggested = rounds == null ? total - state.history().created() : 0;
            int free = freeSlots(rerun.size() + round.size() + unsuggested);
            List<Trial> batch = new ArrayList<>();
            while (batch.size() < free && !rerun.isEmpty()) {
                batch.add(rerun.poll().nextAttempt());
            }
            while (batch.size() < free && !round.isEmpty()) {
                batch.add(round.poll());
            }
            for (Trial trial : batch) {
                state.started(trial);
                journal.add(new JournalRecord.Started(trial, now));
            }
            int room = Math.min(free - batch.size(), unsuggested);
            if (room > 0 && !exhausted && rounds == null) {
                batch.addAll(suggest(room, now));
            }
            return batch;
        }

        private boolean moreToStart() {
            return !rerun.isEmpty() || !round.isEmpty() || (rounds == null && !exhausted && state.history().created() < total);
        }

        private void startLauncher() throws IOException {
            SparkContext sc = spark.get();
            LocalGpus gpus = LocalGpus.of(sc, spec.resources());
            parallelism = gpus.cap(budget.parallelismIfSet().orElse(Math.max(1, sc.defaultParallelism() / spec.resources().cpus())));
            TrialRunner runner = gpus.assign(runner(spec.trainable().prepare(sc, parallelism)));
            launcher = spec.trainable().runsOnDriver() ? new DriverThreads(runner) : new TrialLauncher(sc, runner, spec.resources());
            out.println("sweep " + spec.name() + ": " + total + " trials, " + parallelism + " at a time, "
                    + spec.searcher().type() + " search, results in " + dir.uri());
        }

        /** How many trials to hand to Spark now, and (in {@code perTask}) how many each task runs. */
        private int freeSlots(int waiting) {
            perTask = budget.trialsPerTaskIfSet().orElseGet(() -> feedbackPerTrial ? 1
                    : TaskPacking.trialsPerTask(durationCount == 0 ? -1 : meanTrialMillis(), waiting, parallelism));
            int free = parallelism * perTask - inFlight;
            if (free < waiting) {
                // Whole tasks only: a task of the odd trials left over would come back just as small, again and again.
                free -= free % perTask;
            }
            return free;
        }

        /** New trials from the searcher, each journaled with its share of the time the searcher took. */
        private List<Trial> suggest(int count, long now) {
            long began = System.nanoTime();
            List<Config> configs = searcher.suggest(count, state.history());
            long took = System.nanoTime() - began;
            suggestNanos += took;
            exhausted = configs.size() < count;
            List<Trial> trials = new ArrayList<>();
            for (Config config : configs) {
                int id = state.history().created();
                Trial trial = Trial.firstAttempt(id, config, masterSeed);
                state.started(trial);
                journal.add(new JournalRecord.Started(trial, now, took / 1e6 / configs.size()));
                trials.add(trial);
            }
            return trials;
        }

        /** Waits for results until the next progress line, journal flush or deadline is due. */
        private List<Completion> awaitCompletions() throws InterruptedException {
            long wait = Math.max(1, Math.min(progressMillis, journal.millisUntilDue()));
            if (deadline != null && cancelledAt == 0) {
                wait = Math.max(1, Math.min(wait, deadline - System.currentTimeMillis()));
            }
            Completion first = launcher.completions().poll(wait, TimeUnit.MILLISECONDS);
            List<Completion> arrived = new ArrayList<>();
            if (first != null) {
                arrived.add(first);
                launcher.completions().drainTo(arrived);
            }
            return arrived;
        }

        private void absorb(List<Completion> arrived) throws InterruptedException {
            TrialResult bestBefore = state.best();
            List<TrialResult> frontBefore = state.front();
            Completion.Lost lostJob = null;
            for (Completion completion : arrived) {
                if (completion instanceof Completion.Results results) {
                    for (TrialResult result : results.results()) {
                        inFlight--;
                        trainMillis += result.endMillis() - result.startMillis();
                        if (result.status() == TrialStatus.PAUSED) {
                            paused.add(result);
                        } else if (state.finished(result)) {
                            journal.add(new JournalRecord.Finished(result));
                            durationSum += result.endMillis() - result.startMillis();
                            durationCount++;
                        }
                    }
                } else {
                    Completion.Lost lost = (Completion.Lost) completion;
                    inFlight -= lost.trials().size();
                    // A job cancelled at the deadline fails too; its trials are meant to stay unfinished.
                    if (cancelledAt == 0 && lostJob == null) {
                        lostJob = lost;
                    }
                }
            }
            if (state.best() != bestBefore) {
                TrialResult best = state.best();
                store.run("write best.json", () -> BestFile.write(dir, spec.objective(), best));
            }
            if (!spec.goals().single() && !state.front().equals(frontBefore)) {
                List<TrialResult> front = state.front();
                store.run("write pareto.json", () -> ParetoFile.write(dir, spec.goals(), front));
            }
            if (lostJob != null) {
                // Keep the results that did come back; the lost trials stay started without a result.
                store.run("write the journal", journal::flush);
                throw TrialsLostException.of(lostJob.trials(), lostJob.cause());
            }
        }

        private LoopOutcome outcome() {
            boolean workLeft = !rerun.isEmpty() || !round.isEmpty() || !state.unfinished().isEmpty()
                    || (!exhausted && (rounds != null || state.history().created() < total));
            LoopOutcome.Status status = workLeft ? LoopOutcome.Status.OUT_OF_TIME
                    : state.completed() + state.stopped() == 0 ? LoopOutcome.Status.NO_SUCCESS
                    : LoopOutcome.Status.COMPLETE;
            return new LoopOutcome(status, state.counts(),
                    total, state.best(), Duration.ofMillis(System.currentTimeMillis() - start), launcher != null);
        }
    }

    private TrialRunner runner(Serializable prepared) {
        return new TrialRunner(new StoreLocation(dir), spec.trainable(), spec.scheduler(), spec.goals(),
                spec.budget().trialTimeout(), spec.resources().cpus(), Schedulers.PROGRESS_MILLIS, prepared);
    }
}
