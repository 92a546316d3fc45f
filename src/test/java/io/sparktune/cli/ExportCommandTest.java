package io.sparktune.cli;

import io.sparktune.api.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.testing.ReportedSweep;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tune export} on a real sweep: one row per reported step, one per trial without steps. */
class ExportCommandTest {
    @TempDir
    Path tmp;
    private static long expectedRows;

    @BeforeAll
    static void sweep() throws Exception {
        TestSpark.session();
        List<TrialResult> results = new SweepFiles(ReportedSweep.dir()).results();
        expectedRows = results.stream().mapToLong(r -> r.status() == TrialStatus.FAILED ? 1 : r.steps()).sum();
        assertTrue(results.stream().anyMatch(r -> r.status() == TrialStatus.FAILED), "the sweep has failures to export");
    }

    private Path export(String format) {
        Path to = tmp.resolve("trials." + format);
        Cli cli = Cli.run("export", "--out", ReportedSweep.dir(), "--format", format, "--to", to.toString());
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(Files.isRegularFile(to), "one file at " + to);
        return to;
    }

    @Test
    void csvHasARowForEveryStepWithTheTrialsColumns() throws Exception {
        Path csv = export("csv");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("trial_id,status,lr,opt,loss,steps,duration_s,started,finished,host,error,attempt,seed,step,step_time,step_loss",
                lines.get(0));
        Dataset<Row> read = TestSpark.session().read().option("header", "true").csv(csv.toString());
        assertEquals(expectedRows, read.count());
    }

    @Test
    void parquetReadsBackWithTypedColumns() {
        Dataset<Row> read = TestSpark.session().read().parquet(export("parquet").toString());
        assertEquals(expectedRows, read.count());
        assertEquals("double", read.schema().apply("step_loss").dataType().typeName());
        assertEquals(0, read.filter("status = 'COMPLETED' and step_loss is null").count(), "every completed trial's rows have steps");
    }

    @Test
    void jsonIsOneObjectALine() throws Exception {
        List<String> lines = Files.readAllLines(export("json"));
        assertEquals(expectedRows, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(0, first.get("trial_id").asInt());
    }

    @Test
    void anUnknownFormatIsBadInputOnOneLine() {
        Cli cli = Cli.run("export", "--out", ReportedSweep.dir(), "--format", "xml", "--to", tmp.resolve("t.xml").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), cli.exit());
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().contains("--format"), cli.err());
    }

    @Test
    void aDirectoryWithoutASweepIsBadInput() {
        Cli cli = Cli.run("export", "--out", tmp.toString(), "--format", "csv", "--to", tmp.resolve("t.csv").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), cli.exit());
        assertEquals("--out: " + tmp + ": no sweep here (no sweep.json)", cli.err().trim());
    }
}
