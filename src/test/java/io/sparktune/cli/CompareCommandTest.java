package io.sparktune.cli;

import io.sparktune.testing.ReportedSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {
    @TempDir
    Path tmp;

    @Test
    void columnsChooseWhatIsShownAndInWhichOrder() {
        Cli cli = Cli.run("compare", "--out", ReportedSweep.dir(), "--columns", "host,lr,status", "--top", "3");
        assertEquals(0, cli.exit(), cli.err());
        String[] header = cli.out().lines().findFirst().orElseThrow().trim().split("\\s+");
        assertEquals("[trial, host, lr, status]", java.util.Arrays.toString(header));
        assertEquals(4, cli.out().lines().count(), cli.out());
    }

    @Test
    void theCsvHasTheChosenColumns() throws Exception {
        Path csv = tmp.resolve("top.csv");
        Cli cli = Cli.run("compare", "--out", ReportedSweep.dir(), "--columns", "params,loss,duration", "--csv", csv.toString());
        assertEquals(0, cli.exit(), cli.err());
        assertEquals("trial,lr,opt,loss,duration_s", Files.readAllLines(csv).get(0));
    }

    @Test
    void anUnknownColumnIsBadInputOnOneLineNamingTheFlag() {
        Cli cli = Cli.run("compare", "--out", ReportedSweep.dir(), "--columns", "params,nope");
        assertEquals(Main.BAD_INPUT, cli.exit());
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("--columns: nope: no such column; expected status, metrics, params"), cli.err());
    }
}
