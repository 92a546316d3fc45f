package io.sparktune.store;

import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepStatus;
import io.sparktune.core.Config;
import io.sparktune.core.Goals;
import io.sparktune.core.Objective;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.report.ResultsTable;
import io.sparktune.report.TrialParquet;
import io.sparktune.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one rule for reading the journal: a trial's first result is its result. The journal here holds
 * trial 0's result twice, with different losses, in two files, and a start of trial 0 after its result.
 */
class JournalTrialsTest {
    @TempDir
    Path tmp;
    private SweepDirectory dir;

    private static final Config CONFIG = Config.of(Map.of("x", 0.5));

    private static TrialResult result(int id, double loss) {
        return new TrialResult(id, CONFIG, 7, TrialStatus.COMPLETED, Map.of("loss", loss), 1, 1000, 2000, "host", null, 1);
    }

    @BeforeEach
    void journalWithADuplicateResult() throws Exception {
        dir = SweepDirectory.at(tmp.toString(), new Configuration());
        new SweepFile("dup", Goals.of(new Objective("loss", Objective.Mode.MIN)), "{}", 7, "test", 0, null).write(dir);
        Journal first = new Journal(dir, "run-a", Long.MAX_VALUE);
        first.add(new JournalRecord.Started(Trial.firstAttempt(0, CONFIG, 7), 1000));
        first.add(new JournalRecord.Finished(result(0, 1.0)));
        first.add(new JournalRecord.Started(Trial.firstAttempt(1, CONFIG, 7), 1000));
        first.flush();
        Journal second = new Journal(dir, "run-b", Long.MAX_VALUE);
        second.add(new JournalRecord.Finished(result(0, 2.0)));
        second.add(new JournalRecord.Started(Trial.firstAttempt(0, CONFIG, 7).nextAttempt(), 3000));
        second.flush();
    }

    @Test
    void aTrialsFirstResultIsItsResultAndWhatFollowsItIsIgnored() throws Exception {
        List<String> heard = new ArrayList<>();
        JournalTrials.read(dir, new JournalTrials.Reader() {
            @Override
            public void started(JournalRecord.Started start) {
                heard.add("started " + start.trialId() + " attempt " + start.trial().attempt());
            }

            @Override
            public void finished(TrialResult result) {
                heard.add("finished " + result.id() + " loss " + result.metrics().get("loss"));
            }
        });
        assertEquals(List.of("started 0 attempt 1", "finished 0 loss 1.0", "started 1 attempt 1"), heard);
    }

    @Test
    void statusTrialCompareAndTheTableAllTakeTheFirstResult() throws Exception {
        SweepStatus status = SparkTune.status(tmp.toString());
        assertEquals(1, status.counts().completed(), "trial 0 counted once");
        assertEquals(1, status.unfinished(), "trial 1 started without a result; trial 0's late start is not one");

        assertEquals(1.0, SparkTune.trial(tmp.toString(), 0).result().orElseThrow().metrics().get("loss"), "tune status --trial 0");

        ResultsTable compared = SparkTune.compare(tmp.toString(), null, EnumSet.allOf(TrialStatus.class), 10, ResultsTable.DEFAULT_COLUMNS);
        assertEquals(List.of(1.0), compared.rows().stream().map(r -> r.metrics().get("loss")).toList(), "tune compare");

        List<Row> rows = SparkTune.trials(TestSpark.session(), tmp.toString()).collectAsList();
        assertEquals(1, rows.size(), "one row per trial: " + rows);
        assertEquals(1.0, rows.get(0).<Double>getAs("loss"), "the trial table read with Spark");
    }

    /**
     * Trial 0 FAILED, was retried and COMPLETED at attempt 2; trial 1 COMPLETED; trial 2 FAILED, was
     * retried, and has no new result yet. Then the whole journal again, as a compaction that died
     * before deleting the files it had folded leaves it.
     */
    private SweepDirectory retriedJournal() throws Exception {
        SweepDirectory retried = SweepDirectory.at(tmp.resolve("retried").toString(), new Configuration());
        new SweepFile("retried", Goals.of(new Objective("loss", Objective.Mode.MIN)), "{}", 7, "test", 0, null).write(retried);
        Trial zero = Trial.firstAttempt(0, CONFIG, 7);
        Trial two = Trial.firstAttempt(2, CONFIG, 7);
        List<JournalRecord> first = List.of(new JournalRecord.Started(zero, 1000), new JournalRecord.Finished(failed(0)),
                new JournalRecord.Started(Trial.firstAttempt(1, CONFIG, 7), 1000), new JournalRecord.Finished(result(1, 3.0)),
                new JournalRecord.Started(two, 1000), new JournalRecord.Finished(failed(2)));
        List<JournalRecord> second = List.of(new JournalRecord.Retried(zero, 5000), new JournalRecord.Retried(two, 5000),
                new JournalRecord.Started(zero.nextAttempt(), 5000),
                new JournalRecord.Finished(new TrialResult(0, CONFIG, 7, TrialStatus.COMPLETED, Map.of("loss", 0.25), 1, 5000, 6000, "host", null, 2)));
        Journal journal = new Journal(retried, "run-c", Long.MAX_VALUE);
        first.forEach(journal::add);
        journal.flush();
        second.forEach(journal::add);
        journal.flush();
        Journal copy = new Journal(retried, "run-d", Long.MAX_VALUE);
        first.forEach(copy::add);
        second.forEach(copy::add);
        copy.flush();
        return retried;
    }

    private static TrialResult failed(int id) {
        return new TrialResult(id, CONFIG, 7, TrialStatus.FAILED, Map.of(), 0, 1000, 2000, "host", "boom", 1);
    }

    @Test
    void aRetryVoidsTheFailedResultAndTheResultOfTheNextAttemptIsTheTrials() throws Exception {
        List<String> heard = new ArrayList<>();
        JournalTrials.read(retriedJournal(), new JournalTrials.Reader() {
            @Override
            public void started(JournalRecord.Started start) {
                heard.add("started " + start.trialId() + " attempt " + start.trial().attempt());
            }

            @Override
            public void finished(TrialResult result) {
                heard.add("finished " + result.id() + " " + result.status() + " attempt " + result.attempt());
            }
        });
        assertEquals(List.of("started 0 attempt 1", "started 1 attempt 1", "finished 1 COMPLETED attempt 1", "started 2 attempt 1",
                "started 0 attempt 1", "started 2 attempt 1", "started 0 attempt 2", "finished 0 COMPLETED attempt 2"), heard,
                "a voided FAILED result is never heard, a retry is heard as a start, and the compaction's copy adds nothing");
    }

    @Test
    void statusTrialCompareAndTheTableAllTakeTheRetriedTrialsNewResult() throws Exception {
        SweepDirectory dir = retriedJournal();
        String retried = dir.uri();
        SweepStatus status = SparkTune.status(retried);
        assertEquals(2, status.counts().completed(), "tune status: " + status.counts());
        assertEquals(0, status.counts().failed(), "tune status: " + status.counts());
        assertEquals(1, status.unfinished(), "trial 2, retried without a result yet");

        assertEquals(0.25, SparkTune.trial(retried, 0).result().orElseThrow().metrics().get("loss"), "tune status --trial 0");
        assertEquals(java.util.Optional.empty(), SparkTune.trial(retried, 2).result(), "tune status --trial 2");

        ResultsTable compared = SparkTune.compare(retried, null, EnumSet.allOf(TrialStatus.class), 10, ResultsTable.DEFAULT_COLUMNS);
        assertEquals(List.of(0, 1), compared.rows().stream().map(r -> r.id()).toList(), "tune compare");

        List<String> expected = List.of("0 COMPLETED 0.25 2", "1 COMPLETED 3.0 1");
        assertEquals(expected, rowsOf(SparkTune.trials(TestSpark.session(), retried)), "the trial table read with Spark from the journal");
        TrialParquet.write(dir);
        assertEquals(expected, rowsOf(TestSpark.session().read().parquet(dir.resolve("trials.parquet").toString()).orderBy("trial_id")), "trials.parquet");
    }

    private static List<String> rowsOf(Dataset<Row> table) {
        return table.collectAsList().stream()
                .map(r -> r.getAs("trial_id") + " " + r.getAs("status") + " " + r.getAs("loss") + " " + r.getAs("attempt")).toList();
    }
}
