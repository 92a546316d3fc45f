package io.sparktune.cli;

import io.sparktune.api.ExitCode;
import io.sparktune.testing.ReportedSweep;
import io.sparktune.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

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
        assertEquals(ExitCode.BAD_INPUT.code(), cli.exit());
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("--columns: nope: no such column; expected status, metrics, params"), cli.err());
    }

    @Test
    void theCsvHoldsEveryTrialUnlessTopIsGivenWhileTheTerminalShowsTwenty() throws Exception {
        Path space = tmp.resolve("space.json");
        Files.writeString(space, "{\"params\": {\"x\": \"linspace[-2:2:25]\", \"noise\": 0},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}");
        String out = tmp.resolve("sweep").toString();
        Cli run = Cli.run("run", "--space", space.toString(), "--out", out);
        assertEquals(0, run.exit(), run.err());

        Path all = tmp.resolve("all.csv");
        Cli compare = Cli.run("compare", "--out", out, "--csv", all.toString());
        assertEquals(0, compare.exit(), compare.err());
        assertEquals(1 + CompareCommand.SHOWN, compare.out().lines().count(), "header and 20 trials on the terminal: " + compare.out());
        assertEquals(1 + 25, Files.readAllLines(all).size(), "header and every trial in the CSV");

        Path top = tmp.resolve("top.csv");
        assertEquals(0, Cli.run("compare", "--out", out, "--top", "3", "--csv", top.toString()).exit());
        assertEquals(1 + 3, Files.readAllLines(top).size(), "--top bounds the CSV too");
    }
}
