package io.sparktune.cli;

import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepStatus;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import io.sparktune.testing.TestTrainables;
import io.sparktune.store.JournalRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tune run --retry-failed}: a sweep's FAILED trials run again, and their new results are the ones every reader sees. */
class RetryFailedTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    /** x in -2..3 on a grid; negative x fails while {@code failWhile} exists. */
    private String[] args(Path flag, String out, String... more) {
        Path space = Spaces.write(tmp, "space", "{\"params\": {\"x\": \"[-2,-1,0,1,2,3]\", \"failWhile\": \"" + flag + "\"},"
                + " \"trainable\": " + Spaces.classTrainable(TestTrainables.FailsWhileMarked.class) + ", \"searcher\": \"grid\"}");
        List<String> all = new java.util.ArrayList<>(List.of("run", "--space", space.toString(), "--out", out, "--master", "local[2]"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void retryFailedRunsExactlyTheFailedTrialsAgainAsTheirNextAttemptAndEveryReaderSeesTheNewResults() throws Exception {
        Path flag = Files.createFile(tmp.resolve("fail"));
        String out = tmp.resolve("sweep").toString();
        CliRun first = CliRun.tune(args(flag, out, "--max-trials", "4"));
        assertEquals(0, first.exit(), first.out() + first.err());
        // In trial id order, as the retry lists them, whichever of the two parallel trials finished first.
        List<TrialResult> failed = new SweepFiles(out).results().stream().filter(r -> r.status() == TrialStatus.FAILED)
                .sorted(Comparator.comparingInt(TrialResult::id)).toList();
        assertEquals(2, failed.size(), "x=-2 and x=-1 fail in the first run: " + failed);

        Files.delete(flag);
        CliRun retry = CliRun.tune(args(flag, out, "--max-trials", "6", "--retry-failed"));
        assertEquals(0, retry.exit(), retry.out() + retry.err());
        assertTrue(retry.out().contains("retrying 2 FAILED trials: " + failed.stream().map(TrialResult::id).toList()), retry.out());

        SweepFiles files = new SweepFiles(out);
        for (TrialResult before : failed) {
            List<TrialResult> results = files.results().stream().filter(r -> r.id() == before.id()).toList();
            assertEquals(2, results.size(), "trial " + before.id() + " ran twice in all: " + results);
            TrialResult again = results.get(1);
            assertEquals(TrialStatus.COMPLETED, again.status(), "trial " + before.id() + " the second time: " + again);
            assertEquals(2, again.attempt(), "trial " + before.id() + "'s attempt");
            assertEquals(before.config(), again.config(), "trial " + before.id() + "'s config");
            assertEquals(before.seed(), again.seed(), "trial " + before.id() + "'s seed");
            assertEquals(1, files.records().stream().filter(r -> r instanceof JournalRecord.Retried && r.trialId() == before.id()).count(),
                    "one retry record for trial " + before.id());
        }
        assertEquals(Map.of(0, 2, 1, 2, 2, 1, 3, 1, 4, 1, 5, 1), files.resultsPerTrial(),
                "the retried trials ran once more, the others stayed, and the budget's last two ran as usual");

        SweepStatus status = SparkTune.status(out);
        assertEquals(6, status.counts().completed(), "tune status: " + status.counts());
        assertEquals(0, status.counts().failed(), "tune status: " + status.counts());
        assertEquals(0, status.unfinished(), "tune status: unfinished");
        for (TrialResult before : failed) {
            TrialResult shown = SparkTune.trial(out, before.id()).result().orElseThrow();
            assertEquals(TrialStatus.COMPLETED, shown.status(), "tune status --trial " + before.id());
            assertEquals(2, shown.attempt(), "tune status --trial " + before.id());
        }

        CliRun compare = CliRun.tune("compare", "--out", out, "--top", "10");
        assertEquals(0, compare.exit(), compare.err());
        assertTrue(!compare.out().contains("FAILED") && compare.out().contains("-2"), "tune compare shows the new results: " + compare.out());

        List<Row> rows = SparkTune.trials(TestSpark.session(), out).collectAsList();
        assertEquals(6, rows.size(), "trials.parquet, one row per trial: " + rows);
        for (Row row : rows) {
            int id = row.<Integer>getAs("trial_id");
            assertEquals("COMPLETED", row.getAs("status"), "trials.parquet, trial " + id);
            boolean retried = failed.stream().anyMatch(r -> r.id() == id);
            assertEquals(retried ? 2 : 1, ((Number) row.getAs("attempt")).intValue(), "trials.parquet attempt of trial " + id);
            assertEquals(((Number) row.getAs("x")).doubleValue(), ((Number) row.getAs("loss")).doubleValue(), "trials.parquet loss = x of trial " + id);
        }
    }

    @Test
    void retryFailedIsRefusedWithOneLineWhereNoTrialFailedOrNoSweepIs() throws Exception {
        Path flag = tmp.resolve("absent");
        String out = tmp.resolve("sweep").toString();
        CliRun nothingThere = CliRun.tune(args(flag, out, "--retry-failed"));
        nothingThere.assertRefusedCleanly("--retry-failed where no sweep is");
        assertTrue(nothingThere.errLine().contains("--retry-failed") && nothingThere.errLine().contains(out), nothingThere.errLine());
        assertTrue(!Files.exists(Path.of(out, "sweep.json")), "the refused run made no sweep");

        CliRun clean = CliRun.tune(args(flag, out));
        assertEquals(0, clean.exit(), clean.out() + clean.err());
        CliRun refused = CliRun.tune(args(flag, out, "--retry-failed"));
        refused.assertRefusedCleanly("--retry-failed on a sweep with no FAILED trials");
        assertTrue(refused.errLine().contains("--retry-failed") && refused.errLine().contains(out)
                && refused.errLine().contains("no FAILED trials"), refused.errLine());
        assertEquals(Map.of(0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1), new SweepFiles(out).resultsPerTrial(), "nothing ran again");
    }

    @Test
    void retryingAgainOnceTheRetriedTrialsSucceededIsRefused() throws Exception {
        Path flag = Files.createFile(tmp.resolve("fail"));
        String out = tmp.resolve("sweep").toString();
        assertEquals(0, CliRun.tune(args(flag, out)).exit());
        Files.delete(flag);
        CliRun retry = CliRun.tune(args(flag, out, "--retry-failed"));
        assertEquals(0, retry.exit(), retry.out() + retry.err());
        CliRun again = CliRun.tune(args(flag, out, "--retry-failed"));
        again.assertRefusedCleanly("a second --retry-failed");
        assertTrue(again.errLine().contains("no FAILED trials"), again.errLine());
    }
}
