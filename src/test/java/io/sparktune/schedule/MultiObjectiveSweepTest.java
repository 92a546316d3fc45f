package io.sparktune.schedule;

import io.sparktune.api.ExitCode;
import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepOutcome;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.store.Lineage;
import io.sparktune.store.Rungs;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import io.sparktune.testing.TestTrainables;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps with two objectives (f1, f2 to minimise) and a constraint (size <= 0.8) under each early-stopping
 * scheduler, on a real local[2] Spark with real files: {@link TestTrainables.TwoObjectiveCurve}.
 */
class MultiObjectiveSweepTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    private static SweepOutcome run(String out, String scheduler, int trials, String timeBudget) throws Exception {
        return run(out, scheduler, trials, timeBudget, 0);
    }

    private static SweepOutcome run(String out, String scheduler, int trials, String timeBudget, double stepSeconds) throws Exception {
        String json = "{\"params\": {\"x\": \"uniform[0:1]\", \"y\": \"uniform[0:1]\", \"horizon\": 9, \"stepSeconds\": " + stepSeconds + "},"
                + " \"trainable\": {\"type\": \"class\", \"class\": \"" + TestTrainables.TwoObjectiveCurve.class.getName() + "\"},"
                + " \"objectives\": [{\"metric\": \"f1\", \"mode\": \"min\"}, {\"metric\": \"f2\", \"mode\": \"min\"}],"
                + " \"constraints\": [{\"metric\": \"size\", \"max\": 0.8}],"
                + " \"searcher\": {\"type\": \"random\", \"seed\": 5}, \"scheduler\": " + scheduler + ","
                + " \"budget\": {\"maxTrials\": " + trials + ", \"parallelism\": 2, \"timeBudget\": \"" + timeBudget + "\"}}";
        return SparkTune.run(SpecParser.parse("test.json", json, "test", new Overrides()),
                new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(new ByteArrayOutputStream(), true), 200));
    }

    private static SweepDirectory dir(String out) {
        return SweepDirectory.at(out, new Configuration());
    }

    /** The results of a sweep that must complete with some trials stopped. */
    private static List<TrialResult> completedWithStops(String out, String scheduler, int trials) throws Exception {
        SweepOutcome outcome = run(out, scheduler, trials, "5m");
        assertEquals(ExitCode.COMPLETE, outcome.exitCode());
        assertTrue(outcome.counts().stopped() > 0, "some trials stopped");
        return new SweepFiles(out).results();
    }

    @Test
    void moAshaRecordsBothObjectivesAndStopsTrialsOutsideTheTopThirdByParetoRank() throws Exception {
        String out = tmp.resolve("asha").toString();
        Rungs rungs = new Rungs(dir(out));
        for (TrialResult r : completedWithStops(out, "{\"type\": \"asha\", \"maxSteps\": 9, \"gracePeriod\": 1, \"reductionFactor\": 3}", 12)) {
            if (r.status() != TrialStatus.STOPPED) {
                assertEquals(9, r.steps(), "trial " + r.id() + " completed");
                continue;
            }
            List<Rungs.Entry> at = rungs.at(r.steps());
            Rungs.Entry own = at.stream().filter(e -> e.trialId() == r.id()).findFirst().orElseThrow();
            assertArrayEquals(new double[]{r.metrics().get("f1"), r.metrics().get("f2")}, own.losses(), 1e-12,
                    "trial " + r.id() + "'s record at step " + r.steps() + " holds both objectives");
            assertEquals(Math.max(0, r.metrics().get("size") - 0.8), own.violation(), 1e-12, "and how far it broke size <= 0.8");
            assertEquals(Decision.STOP, AshaScheduler.decide(r.id(), at.stream().filter(e -> e.notAfter(own)).toList(), 3),
                    "trial " + r.id() + " was outside the top third, by Pareto rank then crowding, of the records before it");
        }
    }

    @Test
    void moHyperbandCutByItsTimeBudgetResumesToTheDecisionsOfAnUninterruptedSweep() throws Exception {
        String scheduler = "{\"type\": \"hyperband\", \"maxSteps\": 9}";
        String whole = tmp.resolve("whole").toString();
        assertEquals(ExitCode.COMPLETE, run(whole, scheduler, 17, "5m", 0.1).exitCode());
        String cut = tmp.resolve("cut").toString();
        assertEquals(ExitCode.OUT_OF_TIME, run(cut, scheduler, 17, "1500ms", 0.1).exitCode());
        assertEquals(ExitCode.COMPLETE, run(cut, scheduler, 17, "5m", 0.1).exitCode());
        assertEquals(statuses(whole), statuses(cut));
        assertEquals(1 + 1 + 3, new SweepFiles(whole).results().stream().filter(r -> r.status() == TrialStatus.COMPLETED).count(),
                "one winner per bracket of several trials, and the 3 of the full bracket");
    }

    private static Map<Integer, TrialStatus> statuses(String out) throws IOException {
        Map<Integer, TrialStatus> statuses = new TreeMap<>();
        new SweepFiles(out).results().forEach(r -> statuses.put(r.id(), r.status()));
        return statuses;
    }

    @Test
    void moPbtReplacesADominatedTrialWithACloneOfANonDominatedOne() throws Exception {
        String out = tmp.resolve("pbt").toString();
        SweepOutcome outcome = run(out, "{\"type\": \"pbt\", \"maxSteps\": 6, \"perturbationInterval\": 2, \"quantile\": 0.25}", 4, "5m");
        assertEquals(ExitCode.COMPLETE, outcome.exitCode());
        List<Lineage> lineage = Lineage.all(dir(out));
        assertEquals(2, lineage.size(), "one clone at step 2 and one at step 4");
        Rungs rungs = new Rungs(dir(out));
        for (Lineage clone : lineage) {
            List<Integer> order = RungOrder.bestFirst(rungs.at(clone.step()));
            assertEquals(order.get(0), clone.parent(), "clone " + clone.trialId() + "'s parent is the top quarter (one trial) of "
                    + order + " at step " + clone.step());
        }
    }

    @Test
    void moMedianStopsDominatedTrialsAfterTheGracePeriod() throws Exception {
        for (TrialResult r : completedWithStops(tmp.resolve("median").toString(), "{\"type\": \"median\", \"gracePeriod\": 2, \"minSamples\": 2}", 10)) {
            assertTrue(r.status() == TrialStatus.COMPLETED ? r.steps() == 9 : r.steps() >= 2 && r.steps() < 9,
                    "trial " + r.id() + " " + r.status() + " after " + r.steps() + " steps");
        }
    }
}
