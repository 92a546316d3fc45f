package io.sparktune.report;

import io.sparktune.store.Journal;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepLock;
import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.testing.ReportedSweep;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.TestTrainables;
import io.sparktune.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep's table read from trials.parquet when it is current, else from the journal. */
class TrialTableTest {
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void theParquetFileAndTheJournalGiveTheSameTable() throws Exception {
        SparkSession spark = TestSpark.session();
        SweepDirectory dir = SweepDirectory.at(ReportedSweep.dir(), new Configuration());
        TrialTable saved = TrialParquet.readIfCurrent(spark, dir).orElseThrow(() -> new AssertionError("trials.parquet not read"));
        TrialTable journal = TrialTable.fromJournal(spark, dir);

        assertEquals(journal.params(), saved.params());
        assertEquals(journal.metrics(), saved.metrics());
        assertEquals(Arrays.asList(journal.rows().columns()), Arrays.asList(saved.rows().columns()));
        // The journal holds times in milliseconds and Spark makes timestamps of them through a double: compare those apart.
        String[] rest = Arrays.stream(journal.rows().columns()).filter(c -> !c.equals("started") && !c.equals("finished")).toArray(String[]::new);
        assertEquals(text(journal.rows().selectExpr(rest).collectAsList()), text(saved.rows().selectExpr(rest).collectAsList()));
        List<Row> journalTimes = journal.rows().selectExpr("started", "finished").collectAsList();
        List<Row> savedTimes = saved.rows().selectExpr("started", "finished").collectAsList();
        for (int i = 0; i < journalTimes.size(); i++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(journalTimes.get(i).getTimestamp(c).getTime(), savedTimes.get(i).getTimestamp(c).getTime(), 1.0);
            }
        }
        assertEquals(16, saved.rows().count());
    }

    @Test
    void aRunHoldingTheLockOrAJournalNewerThanTheFileMeansTheJournalIsRead() throws Exception {
        Configuration conf = new Configuration();
        Path copy = new Path(tmp.toUri().toString(), "sweep");
        SweepDirectory original = SweepDirectory.at(ReportedSweep.dir(), conf);
        FileUtil.copy(original.fs(), original.root(), original.fs(), copy, false, conf);
        SweepDirectory dir = SweepDirectory.at(copy.toString(), conf);
        SparkSession spark = TestSpark.session();
        assertTrue(TrialParquet.readIfCurrent(spark, dir).isPresent());

        dir.writeAtomically(dir.resolve(SweepLock.FILE), "a run");
        assertTrue(TrialParquet.readIfCurrent(spark, dir).isEmpty(), "a run is going on: its results are only in the journal");
        dir.fs().delete(dir.resolve(SweepLock.FILE), false);

        Path success = new Path(dir.resolve("trials.parquet"), "_SUCCESS");
        dir.fs().setTimes(success, Journal.lastModified(dir) - 10_000, -1);
        assertTrue(TrialParquet.readIfCurrent(spark, dir).isEmpty(), "the journal changed after the file was written");
        assertEquals(16, TrialTable.read(spark, dir).rows().count());
    }

    @Test
    void parametersAndMetricsNamedLikeFixedColumnsGetPrefixedColumnsInBothSources() throws Exception {
        String out = tmp.resolve("fixed-names").toString();
        String json = "{\"params\": {\"seed\": [1, 2, 3], \"steps\": [10]}, \"trainable\": "
                + Spaces.classTrainable(TestTrainables.FixedColumnNames.class) + ", \"searcher\": {\"type\": \"grid\"}}";
        SparkSession spark = TestSpark.session();
        SparkTune.run(SpecParser.parse("fixed.json", json, "fixed", new Overrides()),
                new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(new ByteArrayOutputStream()), 1000));
        SweepDirectory dir = SweepDirectory.at(out, new Configuration());

        TrialTable saved = TrialParquet.readIfCurrent(spark, dir).orElseThrow(() -> new AssertionError("trials.parquet not read"));
        TrialTable journal = TrialTable.fromJournal(spark, dir);
        for (TrialTable table : List.of(saved, journal)) {
            assertEquals(List.of("param_seed", "param_steps"), table.params());
            assertEquals(List.of("metric_error", "loss"), table.metrics());
            List<Row> rows = table.rows().orderBy("trial_id").selectExpr("param_seed", "metric_error", "loss", "steps", "seed")
                    .collectAsList();
            assertEquals(3, rows.size());
            for (Row row : rows) {
                assertEquals(row.getLong(0) / 10.0, row.getDouble(1), 1e-12);
                assertEquals(row.getLong(0) * 10.0, row.getDouble(2), 1e-12);
                assertEquals(0, ((Number) row.get(3)).longValue(), "the trial's own steps column: it reported none");
            }
        }
    }

    private static List<String> text(List<Row> rows) {
        return rows.stream().map(Row::toString).toList();
    }
}
