package io.sparktune.schedule;

import io.sparktune.core.Constraint;
import io.sparktune.core.Goals;
import io.sparktune.core.Objective;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.Rungs;
import io.sparktune.store.SweepDirectory;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schedulers' rules with several objectives and constraints, on hand-computed cases in a real directory. */
class MultiObjectiveRulesTest {
    private static final Goals TWO = new Goals(List.of(new Objective("f1", Objective.Mode.MIN), new Objective("f2", Objective.Mode.MIN)),
            List.of(new Constraint("size", Double.NEGATIVE_INFINITY, 1)));
    @TempDir
    Path tmp;
    private SweepDirectory dir;
    private Rungs rungs;

    @BeforeEach
    void open() {
        dir = SweepDirectory.at(tmp.toString(), new Configuration());
        rungs = new Rungs(dir);
    }

    private Decision asha(int trialId, double f1, double f2, double violation) {
        // maxSteps 27, grace 1, η = 3: step 1 is a rung.
        return new AshaScheduler(dir, 27, 1, 3, 1).onReport(trialId, 1, new double[]{f1, f2}, violation);
    }

    private void recordFront() throws IOException {
        // Front: trials 0 (1, 5), 1 (2, 4), 2 (3, 3); trial 2 dominates 3 (4, 4), and everything dominates 4 (5, 5).
        double[][] points = {{1, 5}, {2, 4}, {3, 3}, {4, 4}, {5, 5}};
        for (int id = 0; id < points.length; id++) {
            rungs.record(1, id, points[id], 0);
        }
    }

    @Test
    void moAshaPromotesTheFrontsLoneliestTrialsAtARung() throws IOException {
        recordFront();
        // Trial 5 (2.5, 2.5) makes 6 records and dominates trial 2: the front is 0, 1, 5; the best ⌊6/3⌋ = 2 are
        // its ends 0 and 5 (infinite crowding distance), ahead of 1 (distance 1.5/1.5 + 2.5/2.5 = 2).
        assertEquals(Decision.CONTINUE, asha(5, 2.5, 2.5, 0));
    }

    @Test
    void moAshaStopsATrialOnTheFrontWhenTheFrontsEndsFillThePromotions() throws IOException {
        recordFront();
        asha(5, 2.5, 2.5, 0);
        // Trial 6 (1.5, 4.5) joins the front (0, 6, 1, 5), but of 7 records 2 go on: the ends 0 and 5.
        assertEquals(Decision.STOP, asha(6, 1.5, 4.5, 0));
    }

    @Test
    void moAshaRanksATrialThatBreaksAConstraintAfterEveryFeasibleOne() throws IOException {
        recordFront();
        rungs.record(1, 5, new double[]{2.5, 2.5}, 0);
        // Trial 6 beats every record in both objectives but its size is 0.5 above the bound.
        assertEquals(Decision.STOP, asha(6, 0, 0, 0.5));
        assertEquals(Decision.CONTINUE, asha(7, 0, 0, 0), "the same point within the bounds goes on");
    }

    @Test
    void aRungRecordKeepsEveryObjectiveAndTheViolation() throws IOException {
        rungs.record(3, 0, new double[]{0.25, -3}, 0.5);
        Rungs.Entry entry = rungs.at(3).get(0);
        assertArrayEquals(new double[]{0.25, -3}, entry.losses());
        assertEquals(0.5, entry.violation());
    }

    @Test
    void aOneObjectiveRungRecordIsTheBareLossAsSweepsBeforeSeveralObjectivesWroteIt() throws IOException {
        rungs.record(1, 0, 0.25);
        assertEquals("0.25", Files.readString(tmp.resolve("rungs/1/0")));
        // A record as an older SparkTune left it reads back as one objective, within its constraints.
        Files.writeString(tmp.resolve("rungs/1/1"), "1.5\n");
        Rungs.Entry old = rungs.at(1).stream().filter(e -> e.trialId() == 1).findFirst().orElseThrow();
        assertArrayEquals(new double[]{1.5}, old.losses());
        assertEquals(0, old.violation());
    }

    @Test
    void theStepsViolationCountsOnlyTheConstrainedMetricsItReports() {
        assertEquals(0.5, TWO.violationSoFar(Map.of("f1", 1.0, "f2", 1.0, "size", 1.5)));
        assertEquals(0, TWO.violationSoFar(Map.of("f1", 1.0, "f2", 1.0)), "size comes with the final result only");
    }

    private void progress(int trialId, double[]... points) throws IOException {
        ProgressLog log = new ProgressLog(dir, trialId, 0, 0);
        for (int i = 0; i < points.length; i++) {
            log.add(new ProgressLog.Step(i + 1, i, Map.of("f1", points[i][0], "f2", points[i][1])));
        }
        log.flush();
    }

    @Test
    void medianStopsATrialWhoseBestPointTheOthersMedianPointDominates() throws IOException {
        progress(1, new double[]{2, 2}, new double[]{2, 2});
        progress(2, new double[]{4, 1}, new double[]{2, 1});
        progress(3, new double[]{1, 4}, new double[]{1, 2});
        // At step 2 the running averages are (2, 2), (3, 1) and (1, 3): the median point is (2, 2).
        MedianScheduler worse = new MedianScheduler(dir, TWO, 2, 3, 0);
        worse.onReport(0, 1, new double[]{2.5, 9}, 0);
        assertEquals(Decision.STOP, worse.onReport(0, 2, new double[]{9, 2.5}, 0), "best so far (2.5, 2.5) is dominated by (2, 2)");
        MedianScheduler traded = new MedianScheduler(dir, TWO, 2, 3, 0);
        assertEquals(Decision.CONTINUE, traded.onReport(4, 2, new double[]{1.5, 3}, 0), "(1.5, 3) is better than (2, 2) in f1");
    }

    @Test
    void theRungOrderThatPbtCutsPutsTheDominatedTrialLast() throws IOException {
        // Population of 4 at step 2, quantile 0.25: one trial goes. Trial 2 (3, 3) is the only one dominated (by 1 (2, 2)).
        double[][] points = {{1, 4}, {2, 2}, {3, 3}, {4, 1}};
        for (int id = 0; id < points.length; id++) {
            rungs.record(2, id, points[id], 0);
        }
        assertEquals(List.of(2), RungOrder.bestFirst(rungs.at(2)).subList(3, 4));
    }
}
