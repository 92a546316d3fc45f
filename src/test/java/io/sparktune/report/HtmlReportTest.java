package io.sparktune.report;

import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.SyntheticSweep;
import io.sparktune.testing.ReportedSweep;
import io.sparktune.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML report of real sweeps on local[2], and of synthetic ones too large to run in a test. */
class HtmlReportTest {
    @TempDir
    Path tmp;
    private static ReportData data;
    private static String html;

    @BeforeAll
    static void report() throws IOException {
        data = ReportData.read(TestSpark.session(), directory(ReportedSweep.dir()));
        html = HtmlReport.render(data);
    }

    private static SweepDirectory directory(String dir) {
        return SweepDirectory.at(dir, new Configuration());
    }

    /** The inline SVG whose title is {@code title}. */
    private static String svg(String page, String title) {
        Matcher m = Pattern.compile("<svg[^>]*><title>" + Pattern.quote(title) + "</title>.*?</svg>").matcher(page);
        assertTrue(m.find(), "no plot titled '" + title + "' in the report");
        return m.group();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void theReportHasEveryPlotTheIssueAsksFor() {
        for (String title : List.of("loss by trial", "loss over time", "parameters and loss of each trial", "loss against lr",
                "loss against opt", "loss at each step: best trials, and stopped ones dashed", "importance for loss")) {
            svg(html, title);
        }
        assertTrue(svg(html, "loss by trial").contains("<title>best loss so far</title>"), "the best-so-far line is drawn");
        assertEquals(5, count(svg(html, "loss at each step: best trials, and stopped ones dashed"), "<path class=\"line\""),
                "one learning curve for each of the 5 best trials");
    }

    @Test
    void aParameterValueWithMarkupIsShownAsText() {
        assertFalse(html.contains(ReportedSweep.SCRIPT_VALUE), "the raw <script> value is in the page");
        assertFalse(html.contains("<img"), "the raw <img> value is in the page");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the <script> value shows as text");
        assertEquals(1, count(html, "<script>"), "the page's own script is its only one");
    }

    @Test
    void failedTrialsAreListedWithTheirErrors() {
        String failures = html.substring(html.indexOf("<section id=\"failures\">"), html.indexOf("<section id=\"spec\">"));
        assertTrue(failures.contains("<td class=\"error\">IllegalArgumentException: unknown optimiser &lt;img src=x"), failures);
    }

    @Test
    void theSpecAndRunFactsAreShown() {
        String spec = html.substring(html.indexOf("<section id=\"spec\">"));
        assertTrue(spec.contains("<dt>searcher</dt><dd>{&quot;type&quot;:&quot;random&quot;}</dd>"), spec);
        assertTrue(spec.contains("<dt>scheduler</dt><dd>fifo</dd>"), spec);
        assertTrue(spec.contains("<dt>cluster</dt><dd>1 host: "), spec);
        assertTrue(spec.contains("<dt>elapsed</dt>"), spec);
    }

    @Test
    void aLogUniformParameterIsPlottedOnALogAxis() {
        String lr = svg(html, "loss against lr");
        assertTrue(lr.contains(">lr (log scale)</text>"), lr);
        // Ticks at powers of ten: a linear axis over the same values would tick at 0, 0.02, 0.04, ...
        for (String tick : List.of(">0.001</text>", ">0.01</text>")) {
            assertTrue(lr.contains(tick), "tick " + tick + " on the lr axis");
        }
    }

    @Test
    void theBestSoFarRecordsEndAtTheBestTrialAndNeverGetWorse() {
        List<ReportData.TrialRow> records = data.recordsById();
        assertEquals(data.top().get(0).id(), records.get(records.size() - 1).id());
        for (int i = 1; i < records.size(); i++) {
            assertTrue(records.get(i).value() <= records.get(i - 1).value(), "record " + i + " is no worse than the one before");
            assertTrue(records.get(i).id() > records.get(i - 1).id());
        }
    }

    @Test
    void aLargeSweepIsPlottedFromABoundedSampleThatKeepsTheBest() throws IOException {
        String dir = tmp.resolve("large").toString();
        SyntheticSweep.write(dir, "{\"params\": {\"x\": \"uniform[0:1]\", \"y\": \"uniform[0:1]\"}, \"trainable\": "
                + "{\"type\": \"function\", \"function\": \"noisy\"}}", 2000, c -> c.getDouble("x") + c.getDouble("y"), 0);
        ReportData data = ReportData.read(TestSpark.session(), directory(dir));
        assertEquals(2000, data.plottable());
        assertEquals(ReportData.MAX_POINTS, data.sample().size());
        List<Integer> sampled = data.sample().stream().map(ReportData.TrialRow::id).toList();
        data.top().forEach(best -> assertTrue(sampled.contains(best.id()), "best trial " + best.id() + " is plotted"));
        String page = HtmlReport.render(data);
        assertEquals(ReportData.MAX_POINTS, count(svg(page, "loss by trial"), "<circle"));
        assertTrue(page.contains("Points: 1000 of 2000 trials"), "the page says it shows a sample");
    }

    @Test
    void importanceRanksTheParameterThatDrivesTheMetricFirst() throws IOException {
        String dir = tmp.resolve("importance").toString();
        SyntheticSweep.write(dir, "{\"params\": {\"x\": \"uniform[0:1]\", \"noise\": \"uniform[0:1]\", \"kind\": \"[a,b,c]\"}, "
                + "\"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}", 300,
                c -> 10 * c.getDouble("x") + 0.1 * c.getDouble("noise"), 0);
        List<ParameterImportance.Share> shares = ReportData.read(TestSpark.session(), directory(dir)).importance();
        assertEquals("x", shares.get(0).param(), "importances: " + shares);
        assertTrue(shares.get(0).importance() > 0.8, "x explains nearly all: " + shares);
        assertEquals(1.0, shares.stream().mapToDouble(ParameterImportance.Share::importance).sum(), 1e-9);
    }

    @Test
    void aSweepWithNoFinishedTrialGetsAReportThatSaysSo() throws IOException {
        String dir = tmp.resolve("empty").toString();
        SyntheticSweep.write(dir, "{\"params\": {\"x\": \"uniform[0:1]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}",
                0, c -> 0, 0);
        String page = HtmlReport.render(ReportData.read(TestSpark.session(), directory(dir)));
        assertTrue(page.contains("No trial has a value of loss yet"), page);
    }

    @Test
    void aSpecWithNoSearcherShowsTheSearcherTheRunUsed() throws IOException {
        String lists = tmp.resolve("lists").toString();
        SyntheticSweep.write(lists, "{\"params\": {\"x\": \"[1,2,3]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}",
                3, c -> c.getDouble("x"), 0);
        assertTrue(HtmlReport.render(ReportData.read(TestSpark.session(), directory(lists)))
                .contains("<dt>searcher</dt><dd>grid (the default for this space)</dd>"), "a space of lists runs grid search");
        String ranges = tmp.resolve("ranges").toString();
        SyntheticSweep.write(ranges, "{\"params\": {\"x\": \"uniform[0:1]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}",
                3, c -> c.getDouble("x"), 0);
        assertTrue(HtmlReport.render(ReportData.read(TestSpark.session(), directory(ranges)))
                .contains("<dt>searcher</dt><dd>auto (the default for this space)</dd>"), "a space with a range runs auto");
    }
}
