package io.sparktune.report;

import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.ReportedSweep;
import io.sparktune.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report opened in a real browser: Debian's headless Chromium, with no network. CI
 * installs it with .ci/install-chromium; where it is missing the test is skipped, loudly.
 */
class ReportInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static Path work;
    private static String page;
    private static Run dom;
    private static Run screenshot;

    private record Run(String stdout, String stderr) {
    }

    @BeforeAll
    static void openTheReport() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            System.err.println("""
                    ************************************************************************
                    * SKIPPED: ReportInBrowserTest needs /usr/bin/chromium.                *
                    * Install it with .ci/install-chromium (Debian's chromium package).    *
                    ************************************************************************""");
        }
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "/usr/bin/chromium is missing: run .ci/install-chromium");
        work = Files.createTempDirectory("sparktune-browser");
        Path html = work.resolve("report.html");
        HtmlReport.write(TestSpark.session(), SweepDirectory.at(ReportedSweep.dir(), new Configuration()), html.toString());
        page = Files.readString(html);
        dom = chromium("--dump-dom", html.toUri().toString());
        screenshot = chromium("--screenshot=" + work.resolve("report.png"), "--window-size=1280,5000", html.toUri().toString());
    }

    /** Runs Chromium headless on its own profile, with arguments as an argv array (no shell). */
    private static Run chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + work.resolve("profile")));
        command.addAll(List.of(args));
        File out = work.resolve("stdout.txt").toFile();
        File err = work.resolve("stderr.txt").toFile();
        Process chromium = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        return new Run(Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    @Test
    void everyPlotRendersAsANonEmptySvg() {
        Matcher svgs = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL).matcher(dom.stdout());
        int rendered = 0;
        while (svgs.find()) {
            String svg = svgs.group();
            assertTrue(svg.matches("(?s).*<(circle|path|polyline|rect)\\b.*"), "an SVG without marks: " + svg);
            rendered++;
        }
        assertEquals(page.split("<svg ", -1).length - 1, rendered, "every plot of the file is in the browser's DOM");
        assertTrue(rendered >= 7, "history (2), parallel coordinates, a scatter per parameter (2), curves, importance: " + rendered);
    }

    @Test
    void theBestSoFarLineIsPaintedOnScreen() throws IOException {
        BufferedImage image = ImageIO.read(work.resolve("report.png").toFile());
        int best = Integer.parseInt(Palette.BEST.substring(1), 16);
        int painted = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                painted += (image.getRGB(x, y) & 0xFFFFFF) == best ? 1 : 0;
            }
        }
        assertTrue(painted > 100, "pixels of the best-so-far line's colour in the screenshot: " + painted);
    }

    @Test
    void noScriptErrorOrPolicyViolationIsLogged() {
        for (Run run : List.of(dom, screenshot)) {
            List<String> console = run.stderr().lines().filter(l -> l.contains(":CONSOLE")).toList();
            assertEquals(List.of(), console, "console messages while showing the report");
        }
    }

    @Test
    void markupInParameterValuesDoesNotRun() {
        assertFalse(dom.stdout().matches("(?s).*<body[^>]*data-pwned.*"), "the <img onerror> parameter value ran");
        assertTrue(dom.stdout().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the <script> value is text in the DOM");
    }
}
