package io.sparktune.report;

import io.sparktune.store.Journal;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepLock;
import io.sparktune.testing.ReportedSweep;
import io.sparktune.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static List<String> text(List<Row> rows) {
        return rows.stream().map(Row::toString).toList();
    }
}
