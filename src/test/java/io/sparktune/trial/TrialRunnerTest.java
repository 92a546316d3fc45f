package io.sparktune.trial;

import io.sparktune.core.Goals;
import io.sparktune.core.Config;
import io.sparktune.core.Objective;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.schedule.SchedulerSpec;
import io.sparktune.store.StoreLocation;
import io.sparktune.store.StoreUnavailableException;
import io.sparktune.store.SweepDirectory;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableClass;
import io.sparktune.train.TrialContext;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner on its own (no Spark task around it), against a sweep directory on the local disk. */
class TrialRunnerTest {
    private static final Objective LOSS = new Objective("loss", Objective.Mode.MIN);

    @TempDir
    Path tmp;

    @Test
    void aTrainableLeftRunningAfterItsTimeoutWritesNothingMore() throws Exception {
        TrialRunner runner = runner(IgnoresItsTimeout.class, Duration.ofMillis(300), 0);
        TrialResult result = runner.run(new Trial(0, Config.of(Map.of()), 1, 1));
        assertEquals(TrialStatus.FAILED, result.status(), result.toString());
        Path progress = tmp.resolve("sweep/trials/0/progress.jsonl");
        String whenTheRunnerLetGo = Files.readString(progress);

        IgnoresItsTimeout.runnerLetGo.countDown();
        String afterwards = IgnoresItsTimeout.whatItGotAfterwards.get(10, TimeUnit.SECONDS);

        assertEquals("report: false; checkpoint: trial 0 is over; its context takes no more writes", afterwards);
        assertEquals(whenTheRunnerLetGo, Files.readString(progress), "the abandoned trainable's report reached the store");
        assertTrue(Files.notExists(tmp.resolve("sweep/trials/0/checkpoint")), "the abandoned trainable saved a checkpoint");
    }

    @Test
    void aTrainableToldToStopHasItsGraceToSaveWhatItHas() throws Exception {
        TrialResult result = runner(WindsUpSlowly.class, Duration.ofMillis(300), 0).run(new Trial(0, Config.of(Map.of()), 1, 1));
        assertEquals("timed out after 0s", result.error());
        assertEquals("wound up", Files.readString(tmp.resolve("sweep/trials/0/output/last-words.txt")));
    }

    @ParameterizedTest(name = "progress flushed every {0} ms")
    @ValueSource(longs = {0, 3_600_000})
    void aStoreFaultFailsTheTaskWhetherAReportOrTheFinalFlushMeetsIt(long flushMillis) throws Exception {
        // A plain file where the trial's folder belongs: every write under it fails, as on a lost disk.
        Files.createDirectories(tmp.resolve("sweep/trials"));
        Files.writeString(tmp.resolve("sweep/trials/0"), "in the way");
        TrialRunner runner = runner(ReportsThreeSteps.class, null, flushMillis);

        assertThrows(StoreUnavailableException.class, () -> runner.run(new Trial(0, Config.of(Map.of()), 1, 1)),
                "a store fault is infrastructure, retried by Spark, not a FAILED trial");
    }

    private TrialRunner runner(Class<? extends Trainable> trainable, Duration timeout, long flushMillis) {
        SweepDirectory dir = SweepDirectory.at(tmp.resolve("sweep").toString(), new Configuration());
        return new TrialRunner(new StoreLocation(dir), new TrainableClass(trainable.getName()),
                new SchedulerSpec.FifoOptions(), Goals.of(LOSS), timeout, 1, flushMillis, null);
    }

    /** Reports steps 1 to 3 and succeeds. */
    public static final class ReportsThreeSteps implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) {
            for (int step = 1; step <= 3; step++) {
                context.report(step, Map.of("loss", 1.0 / step));
            }
            return Map.of("loss", 1.0 / 3);
        }
    }

    /** Waits to be interrupted, then takes a moment to save an output, as a command trial saves its log tails. */
    public static final class WindsUpSlowly implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) throws Exception {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException stopped) {
                long until = System.currentTimeMillis() + 500;
                while (System.currentTimeMillis() < until) {
                    Thread.onSpinWait();
                }
                context.saveOutput("last-words.txt", "wound up".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return Map.of("loss", 1.0);
        }
    }

    /**
     * Ignores stop requests and interrupts, reporting on until the test says the runner has let go,
     * then tries one more report and a checkpoint and says what came of them.
     */
    public static final class IgnoresItsTimeout implements Trainable {
        static final CountDownLatch runnerLetGo = new CountDownLatch(1);
        static final CompletableFuture<String> whatItGotAfterwards = new CompletableFuture<>();

        @Override
        public Map<String, Double> train(Config config, TrialContext context) throws Exception {
            long step = 0;
            while (runnerLetGo.getCount() > 0) {
                context.report(++step, Map.of("loss", 1.0));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ignored) {
                    // Deaf to interrupts on purpose, as a trainable stuck in native code is.
                }
            }
            boolean goOn = context.report(++step, Map.of("loss", 0.5));
            String checkpoint;
            try {
                context.saveCheckpoint(step, out -> out.write(1));
                checkpoint = "saved";
            } catch (IllegalStateException e) {
                checkpoint = e.getMessage();
            }
            whatItGotAfterwards.complete("report: " + goOn + "; checkpoint: " + checkpoint);
            return Map.of("loss", 0.5);
        }
    }
}
