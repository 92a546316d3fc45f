package io.sparktune.cli;

import io.sparktune.api.ExitCode;
import io.sparktune.testing.ReportedSweep;
import io.sparktune.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesOneHtmlFileThatFetchesNothing() throws Exception {
        TestSpark.session();
        Path html = tmp.resolve("report.html");
        Cli cli = Cli.run("report", "--out", ReportedSweep.dir(), "--html", html.toString());
        assertEquals(0, cli.exit(), cli.err());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.endsWith("</html>"));
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//").matcher(page).find(), "the page loads something from a network");
        assertTrue(page.contains("default-src 'none'"), "the page's policy forbids fetching");
    }

    @Test
    void aDirectoryWithoutASweepIsBadInput() {
        Cli cli = Cli.run("report", "--out", tmp.toString(), "--html", tmp.resolve("r.html").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), cli.exit());
        assertEquals("--out: " + tmp + ": no sweep here (no sweep.json)", cli.err().trim());
    }
}
