package io.sparktune.engine;

import io.sparktune.api.ExitCode;
import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepOutcome;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import io.sparktune.testing.TestTrainables;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A driver that died right after journaling {@code --retry-failed}'s retry records: the next run, even
 * without the flag, runs those trials once as their next attempt. The death is simulated: the records
 * are written by the code the engine uses ({@link FailedTrials#retry}, then a flush), and nothing else runs.
 */
class RetryFailedResumeTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    static void startSpark() {
        TestSpark.session();
    }

    private SweepSpec spec(Path flag) {
        return SpecParser.parse("test.json", "{\"params\": {\"x\": \"[-2,-1,0,1]\", \"failWhile\": \"" + flag + "\"}, \"trainable\": "
                + Spaces.classTrainable(TestTrainables.FailsWhileMarked.class) + ", \"searcher\": \"grid\","
                + " \"budget\": {\"parallelism\": 2}}", "test", new Overrides());
    }

    private SweepOutcome run(SweepSpec spec, String out, boolean retryFailed) throws Exception {
        return SparkTune.run(spec, new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(console, true), 60_000, null, retryFailed));
    }

    @Test
    void aDriverKilledAfterWritingTheRetryRecordsRunsThoseTrialsOnResumeOnce() throws Exception {
        Path flag = Files.createFile(tmp.resolve("fail"));
        String out = tmp.resolve("sweep").toString();
        SweepSpec spec = spec(flag);
        assertEquals(ExitCode.COMPLETE, run(spec, out, false).exitCode());
        List<Integer> failed = new SweepFiles(out).results().stream().filter(r -> r.status() == TrialStatus.FAILED).map(TrialResult::id).sorted().toList();
        assertEquals(2, failed.size(), "x=-2 and x=-1 failed: " + failed);

        SweepDirectory dir = SweepDirectory.at(out, new Configuration());
        Journal killed = new Journal(dir, "killed-run", Long.MAX_VALUE);
        // In trial id order, whichever of the two parallel trials finished first.
        assertEquals(failed, FailedTrials.retry(dir, killed, System.currentTimeMillis()));
        killed.flush();
        assertEquals(2, SparkTune.status(out).unfinished(), "retried trials without a result are unfinished");
        assertEquals(0, SparkTune.status(out).counts().failed(), "their FAILED results are void");

        InvalidInputException again = assertThrows(InvalidInputException.class, () -> run(spec, out, true),
                "--retry-failed again before the retried trials ran");
        assertTrue(again.getMessage().contains("no FAILED trials") && again.getMessage().contains("2 unfinished trials run again without the flag"),
                again.getMessage());

        Files.delete(flag);
        SweepOutcome resumed = run(spec, out, false);
        assertEquals(ExitCode.COMPLETE, resumed.exitCode(), console.toString());
        assertEquals(4, resumed.counts().completed(), "every trial completed: " + resumed.counts());
        assertTrue(console.toString().contains("resuming: 2 trials done, 2 to run again"), console.toString());

        SweepFiles files = new SweepFiles(out);
        for (int id : failed) {
            List<Integer> attempts = files.records().stream()
                    .filter(r -> r.trialId() == id && r instanceof JournalRecord.Started).map(r -> ((JournalRecord.Started) r).trial().attempt()).toList();
            assertEquals(List.of(1, 2), attempts, "trial " + id + " started once more, as attempt 2");
        }
        assertEquals(Map.of(0, 2, 1, 2, 2, 1, 3, 1), files.resultsPerTrial(), "the retried trials ran once each on resume, the others not at all");
    }

    @Test
    void theJavaApiRetriesFailedTrialsToo() throws Exception {
        Path flag = Files.createFile(tmp.resolve("fail"));
        String out = tmp.resolve("api-sweep").toString();
        Path space = Spaces.write(tmp, "space", "{\"params\": {\"x\": \"[-1,1]\", \"failWhile\": \"" + flag + "\"}, \"trainable\": "
                + Spaces.classTrainable(TestTrainables.FailsWhileMarked.class) + "}");
        assertEquals(1, SparkTune.sweep(TestSpark.session()).space(space.toString()).out(out).run().counts().failed());
        Files.delete(flag);
        SweepOutcome retried = SparkTune.sweep(TestSpark.session()).space(space.toString()).out(out).retryFailed().run();
        assertEquals(2, retried.counts().completed(), "after the retry: " + retried.counts());
        assertEquals(0, retried.counts().failed(), "after the retry: " + retried.counts());
    }
}
