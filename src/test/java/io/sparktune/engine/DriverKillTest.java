package io.sparktune.engine;

import io.sparktune.testing.ChildTune;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestTrainables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -9 of the driver process mid-sweep, then the same command again: nothing lost, nothing twice. */
@Tag("slow")
class DriverKillTest {
    private static final int TRIALS = 40;
    @TempDir
    Path tmp;

    @Test
    void aKilledDriverResumesWithNoCompletedTrialLostOrRunTwice() throws Exception {
        Path space = Spaces.write(tmp, "kill", "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\", \"steps\": 4, \"stepSeconds\": 0.05},"
                + " \"searcher\": {\"type\": \"random\", \"seed\": 3},"
                // One trial per task, so results arrive one by one and every kill lands mid-sweep: packed
                // tasks of about ten trials once finished the sweep before the third kill.
                + " \"budget\": {\"maxTrials\": " + TRIALS + ", \"parallelism\": 2, \"trialsPerTask\": 1}}");
        String out = tmp.resolve("sweep").toString();
        String[] args = {"run", "--space", space.toString(), "--out", out, "--master", "local[2]"};

        int resultsBefore = 0;
        for (int kill = 1; kill <= 3; kill++) {
            Process driver = ChildTune.start(tmp.resolve("run-" + kill + ".log"), args);
            int target = resultsBefore + 5;
            long deadline = System.currentTimeMillis() + 90_000;
            while (countResults(out) < target && driver.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(driver.isAlive(), "the driver should still be running at kill " + kill + ": "
                    + Files.readString(tmp.resolve("run-" + kill + ".log")));
            driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            SweepFiles killed = new SweepFiles(out);
            resultsBefore = killed.results().size();
            assertTrue(resultsBefore >= target, "results before kill " + kill + ": " + resultsBefore);
            assertOncePerTrial(killed.resultsPerTrial());
        }
        SweepFiles beforeLastRun = new SweepFiles(out);
        Map<Integer, Integer> startsBefore = beforeLastRun.startsPerTrial();
        Process last = ChildTune.start(tmp.resolve("final.log"), args);
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the resumed run finishes");
        String log = Files.readString(tmp.resolve("final.log"));
        assertEquals(0, last.exitValue(), log);
        assertTrue(log.contains("resuming: "), log);

        SweepFiles after = new SweepFiles(out);
        Map<Integer, Integer> perTrial = after.resultsPerTrial();
        assertEquals(TRIALS, perTrial.size(), "every trial has a result");
        assertOncePerTrial(perTrial);
        for (var result : beforeLastRun.results()) {
            assertEquals(startsBefore.get(result.id()), after.startsPerTrial().get(result.id()),
                    "trial " + result.id() + " had finished before the last run and never started again");
        }
    }

    @Test
    void aTrialChosenFromResultsKeepsItsConfigWhenTheDriverDiesRightAfterLaunchingIt() throws Exception {
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        int hangAt = 6;
        // tpe's first 3 trials are its fixed design; trial 6 is chosen from the results of trials 0-5.
        Path space = Spaces.write(tmp, "learning", "{\"params\": {\"x\": \"uniform[0:1]\", \"hangAt\": " + hangAt
                + ", \"markers\": \"" + markers + "\"}, \"trainable\": " + Spaces.classTrainable(TestTrainables.MarksAndHangs.class)
                + ", \"searcher\": {\"type\": \"tpe\", \"startup\": 3}, \"budget\": {\"maxTrials\": 10, \"parallelism\": 1}}");
        String out = tmp.resolve("learning-sweep").toString();
        String[] args = {"run", "--space", space.toString(), "--out", out, "--master", "local[2]", "--seed", "5"};

        Process driver = ChildTune.start(tmp.resolve("learning-1.log"), args);
        Path marker = markers.resolve(String.valueOf(hangAt));
        long deadline = System.currentTimeMillis() + 90_000;
        while (!Files.exists(marker) && driver.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        // Killed as soon as the trial runs: within the second in which results wait for the journal's next flush.
        driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        String ranWith = Files.readString(marker);
        assertTrue(new SweepFiles(out).startsPerTrial().containsKey(hangAt), "trial " + hangAt + " ran, so its start is journaled");

        Process resumed = ChildTune.start(tmp.resolve("learning-2.log"), args);
        assertTrue(resumed.waitFor(120, TimeUnit.SECONDS), "the resumed run finishes");
        assertEquals(0, resumed.exitValue(), Files.readString(tmp.resolve("learning-2.log")));
        assertEquals(ranWith, new SweepFiles(out).result(hangAt).config().toString(),
                "trial " + hangAt + " ran again with the config it was launched with");
        assertEquals(ranWith, Files.readString(marker), "its second attempt was given the same config");
    }

    private static int countResults(String out) {
        try {
            return new SweepFiles(out).results().size();
        } catch (Exception notYet) {
            return 0;
        }
    }

    private static void assertOncePerTrial(Map<Integer, Integer> perTrial) {
        perTrial.forEach((id, n) -> assertEquals(1, n, "results recorded for trial " + id));
    }
}
