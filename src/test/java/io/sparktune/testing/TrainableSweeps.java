package io.sparktune.testing;

import io.sparktune.core.Goals;
import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepOutcome;
import io.sparktune.core.Config;
import io.sparktune.core.Objective;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.schedule.SchedulerSpec;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.StoreLocation;
import io.sparktune.store.SweepDirectory;
import io.sparktune.trial.TrialRunner;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sweeps of a built-in trainable that a test writes as JSON text and runs in process on
 * {@link TestSpark}, each in a folder of its own under a temp folder per test, the console kept for
 * failure messages. A JUnit extension: {@code @RegisterExtension final TrainableSweeps sweeps = new TrainableSweeps();}
 * starts the shared Spark, and gives each test a fresh temp folder that it deletes afterwards.
 */
public final class TrainableSweeps implements BeforeEachCallback, AfterEachCallback {
    private Path dir;
    private ByteArrayOutputStream console;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        TestSpark.session();
        dir = Files.createTempDirectory("sparktune-test-");
        console = new ByteArrayOutputStream();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** This test's temp folder. */
    public Path dir() {
        return dir;
    }

    public static SweepSpec spec(String json) {
        return SpecParser.parse("test.json", json, "test", new Overrides());
    }

    /** Runs the sweep {@code json} in the folder {@code name}. */
    public SweepOutcome run(String json, String name) throws Exception {
        return SparkTune.run(spec(json), new RunOptions(out(name), null, Duration.ofSeconds(60), new PrintStream(console, true), 500));
    }

    public String out(String name) {
        return dir.resolve(name).toString();
    }

    public String console() {
        return console.toString();
    }

    /** The result of a trial that must have completed; the error it failed with otherwise. */
    public TrialResult completed(String name, int trial) throws IOException {
        TrialResult result = new SweepFiles(out(name)).result(trial);
        assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
        return result;
    }

    /** A regression sweep on {@link Datasets#linear} (400 rows, target y) with the trainable {@code type}, metric val_rmse. */
    public String linearSpace(String type, String params) {
        Path csv = Datasets.linear(dir, 400, 2);
        return "{\"metric\": \"val_rmse\", \"params\": {" + params + "}, \"trainable\": {\"type\": \"" + type
                + "\", \"task\": \"regression\", \"data\": {\"train\": \"" + csv + "\", \"format\": \"csv\", \"label\": \"y\", \"normalize\": \"standard\"}}}";
    }

    public List<ProgressLog.Step> steps(String name, int trial) throws IOException {
        return ProgressLog.read(SweepDirectory.at(out(name), new Configuration()), trial);
    }

    /** A trial's metrics round by round (or epoch by epoch). */
    public List<Map<String, Double>> metrics(String name, int trial) throws IOException {
        return steps(name, trial).stream().map(ProgressLog.Step::metrics).toList();
    }

    /**
     * Runs trial 0 (seed 42) to {@code first}'s end in the folder "interrupted", then again to
     * {@code full}'s end there, where it resumes from its checkpoint; and to {@code full}'s end in one
     * go in the folder "straight".
     */
    public Resumption resume(SweepSpec spec, Objective objective, Config first, Config full) throws Exception {
        Serializable data = spec.trainable().prepare(TestSpark.session().sparkContext());
        SweepDirectory interrupted = SweepDirectory.at(out("interrupted"), new Configuration());
        runner(interrupted, spec, objective, data).run(new Trial(0, first, 42, 1));
        TrialResult resumed = runner(interrupted, spec, objective, data).run(new Trial(0, full, 42, 2));
        SweepDirectory straight = SweepDirectory.at(out("straight"), new Configuration());
        TrialResult uninterrupted = runner(straight, spec, objective, data).run(new Trial(0, full, 42, 1));
        return new Resumption(resumed, uninterrupted);
    }

    private static TrialRunner runner(SweepDirectory dir, SweepSpec spec, Objective objective, Serializable data) {
        return new TrialRunner(new StoreLocation(dir), spec.trainable(), new SchedulerSpec.FifoOptions(), Goals.of(objective), null, 1, 0, data);
    }

    /** The results of {@link #resume}: the resumed run's, and the uninterrupted one's. */
    public record Resumption(TrialResult resumed, TrialResult uninterrupted) {
    }
}
