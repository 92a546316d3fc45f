package io.sparktune.cli;

import io.sparktune.api.SparkTune;
import io.sparktune.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep of ZDT1 with two objectives and a constraint, run once through {@code tune run}: the
 * front, the tables and the DataFrame agree with a brute-force domination check over every trial.
 */
class ParetoSweepTest {
    @TempDir
    static Path tmp;
    private static String out;
    private static List<String[]> rows;
    private static List<String> header;
    private static String runOutput;

    @BeforeAll
    static void sweep() throws Exception {
        TestSpark.session();
        Path space = tmp.resolve("zdt1.json");
        Files.writeString(space, "{\"params\": {\"x0\": \"uniform[0:1]\", \"x1\": \"uniform[0:1]\", \"x2\": \"uniform[0:1]\"},"
                + " \"trainable\": {\"type\": \"problem\", \"problem\": \"zdt1\"}, \"searcher\": \"random\"}");
        out = tmp.resolve("sweep").toString();
        Cli run = Cli.run("run", "--space", space.toString(), "--out", out, "--objective", "f1:min", "--objective", "f2:min",
                "--constraint", "f1<=0.7", "--max-trials", "40", "--seed", "3");
        assertEquals(0, run.exit(), run.err());
        runOutput = run.out();
        Path csv = tmp.resolve("all.csv");
        Cli compare = Cli.run("compare", "--out", out, "--csv", csv.toString(), "--columns", "f1,f2");
        assertEquals(0, compare.exit(), compare.err());
        List<String> lines = Files.readAllLines(csv);
        header = Arrays.asList(lines.get(0).split(","));
        rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
    }

    private static double value(String[] row, String column) {
        return Double.parseDouble(row[header.indexOf(column)]);
    }

    private static boolean feasible(String[] row) {
        return value(row, "f1") <= 0.7;
    }

    /** The feasible trials no feasible trial dominates, by brute force. */
    private static Set<Integer> bruteForceFront() {
        Set<Integer> front = new TreeSet<>();
        for (String[] a : rows) {
            boolean dominated = false;
            for (String[] b : rows) {
                dominated |= feasible(b) && value(b, "f1") <= value(a, "f1") && value(b, "f2") <= value(a, "f2")
                        && (value(b, "f1") < value(a, "f1") || value(b, "f2") < value(a, "f2"));
            }
            if (feasible(a) && !dominated) {
                front.add(Integer.parseInt(a[0]));
            }
        }
        return front;
    }

    @Test
    void theRunsLastLineNamesItsBestAsTheFirstObjectivesAndPointsToTheFront() {
        String last = runOutput.strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("best by f1, the first objective ('tune best' prints the Pareto front): trial "), runOutput);
    }

    @Test
    void statusGivesTheFrontsSizeBesideTheFirstObjectivesBest() throws Exception {
        String status = Cli.run("status", "--out", out).out();
        assertTrue(status.contains("best by f1, the first objective: trial "), status);
        assertTrue(status.contains("Pareto front: " + SparkTune.front(out).orElseThrow().trials().size() + " trials ('tune best --out "
                + out + "' lists them)"), status);
    }

    @Test
    void compareTakesRankAndFeasibleAmongTheColumnsItShowsThemIn() {
        Cli compare = Cli.run("compare", "--out", out, "--top", "1", "--columns", "rank,feasible,f1");
        assertEquals(0, compare.exit(), compare.err());
        assertEquals(List.of("trial", "rank", "feasible", "f1"), Arrays.asList(compare.out().lines().findFirst().orElseThrow().trim().split("\\s+")));
    }

    @Test
    void paretoJsonHoldsTheFeasibleNonDominatedTrials() throws Exception {
        Set<Integer> written = new TreeSet<>();
        SparkTune.front(out).orElseThrow().trials().forEach(t -> written.add(t.trialId()));
        assertEquals(bruteForceFront(), written);
    }

    @Test
    void compareHasRankAndFeasibleColumnsAfterTheTrialId() {
        assertEquals(List.of("trial", "rank", "feasible", "f1", "f2"), header);
    }

    @Test
    void compareSortsByRankWithTheFrontFirst() {
        int previous = 0;
        Set<Integer> rankOne = new TreeSet<>();
        for (String[] row : rows) {
            int rank = Integer.parseInt(row[1]);
            assertTrue(rank >= previous, "rank " + rank + " after rank " + previous);
            previous = rank;
            if (rank == 1) {
                rankOne.add(Integer.parseInt(row[0]));
            }
        }
        assertEquals(bruteForceFront(), rankOne);
    }

    @Test
    void anInfeasibleTrialSaysWhichBoundItBroke() {
        String[] infeasible = rows.stream().filter(r -> !feasible(r)).findFirst().orElseThrow();
        assertTrue(infeasible[2].matches("no: f1=[0-9.]+ > 0\\.7"), infeasible[2]);
    }

    @Test
    void bestPrintsTheFront() {
        Cli best = Cli.run("best", "--out", out);
        assertEquals(0, best.exit(), best.err());
        List<String> lines = best.out().lines().toList();
        assertEquals("Pareto front: " + bruteForceFront().size() + " trials of f1 (min), f2 (min)", lines.get(0));
        assertEquals(bruteForceFront().size(), lines.size() - 1, best.out());
        assertTrue(lines.get(1).matches("trial \\d+: f1=\\S+ f2=\\S+  x0=\\S+ x1=\\S+ x2=\\S+"), lines.get(1));
    }

    @Test
    void theDataFrameHasRankAndFeasibleColumns() throws Exception {
        Dataset<Row> trials = SparkTune.trials(TestSpark.session(), out);
        assertEquals(bruteForceFront().size(), trials.filter("rank = 1 and feasible").count());
        assertEquals(rows.stream().filter(r -> !feasible(r)).count(), trials.filter("not feasible and infeasible_because like 'f1=%'").count());
    }

    @Test
    void aTrialWithoutAConstrainedMetricIsInfeasibleNamingIt() throws Exception {
        Path space = tmp.resolve("missing.json");
        Files.writeString(space, "{\"params\": {\"x0\": \"uniform[0:1]\", \"x1\": \"uniform[0:1]\"},"
                + " \"trainable\": {\"type\": \"problem\", \"problem\": \"zdt1\"}, \"searcher\": \"random\","
                + " \"objectives\": [{\"metric\": \"f1\"}, {\"metric\": \"f2\"}], \"constraints\": [{\"metric\": \"memory_mb\", \"max\": 2048}]}");
        String missing = tmp.resolve("missing").toString();
        assertEquals(0, Cli.run("run", "--space", space.toString(), "--out", missing, "--max-trials", "3").exit());
        Cli compare = Cli.run("compare", "--out", missing, "--columns", "f1");
        assertTrue(compare.out().lines().skip(1).allMatch(l -> l.contains("no: memory_mb missing")), compare.out());
        assertEquals(3, Cli.run("best", "--out", missing).exit(), "no feasible trial, no front");
    }

    @Test
    void theReportPlotsTheFrontTheHypervolumeWithItsReferencePointAndMarksInfeasibleTrials() throws Exception {
        Path html = tmp.resolve("report.html");
        Cli report = Cli.run("report", "--out", out, "--html", html.toString());
        assertEquals(0, report.exit(), report.err());
        String page = Files.readString(html);
        assertTrue(page.contains("<section id=\"pareto\"><h2>Pareto front</h2>"), "a Pareto section");
        assertTrue(page.contains("<title>f2 against f1</title>"), "the scatter of the two objectives");
        assertTrue(page.contains("<title>Hypervolume of the feasible trials</title>") && page.contains("Reference point: f1="),
                "the hypervolume and its reference point");
        long infeasible = rows.stream().filter(r -> !feasible(r)).count();
        String marked = page.substring(page.indexOf("<g class=\"infeasible\">"));
        marked = marked.substring(0, marked.indexOf("</g>"));
        assertEquals(infeasible, marked.split("<circle", -1).length - 1, "one hollow circle per infeasible trial");
    }

    /**
     * Runs a 10-trial, 2-slot sweep of zdt2 in x0, x1 with objectives f1 and f2 and the rest of the spec
     * {@code extra}, after checking the first line of its dry run; the sweep must exit 0 with a front.
     */
    private void runsThroughTheEngine(String name, String extra, String dryRunStart) throws Exception {
        Path space = tmp.resolve(name + ".json");
        Files.writeString(space, "{\"params\": {\"x0\": \"uniform[0:1]\", \"x1\": \"uniform[0:1]\"},"
                + " \"trainable\": {\"type\": \"problem\", \"problem\": \"zdt2\"},"
                + " \"objectives\": [{\"metric\": \"f1\"}, {\"metric\": \"f2\"}]" + extra + "}");
        String dir = tmp.resolve(name).toString();
        Cli dry = Cli.run("run", "--space", space.toString(), "--out", dir, "--max-trials", "10", "--dry-run");
        assertTrue(dry.out().startsWith(dryRunStart), dry.out());
        Cli run = Cli.run("run", "--space", space.toString(), "--out", dir, "--max-trials", "10", "--parallelism", "2");
        assertEquals(0, run.exit(), run.err());
        assertTrue(SparkTune.front(dir).orElseThrow().trials().size() >= 1);
    }

    @Test
    void nsga2RunsThroughTheEngine() throws Exception {
        runsThroughTheEngine("nsga2", ", \"searcher\": {\"type\": \"nsga2\", \"population\": 4}",
                "sweep nsga2: 10 trials, nsga2 search, objectives f1 (min), f2 (min)");
    }

    @Test
    void theDefaultSearcherWithSeveralObjectivesAndAConstraintIsAutoAndItsGpRunsThroughTheEngine() throws Exception {
        runsThroughTheEngine("auto", ", \"constraints\": [{\"metric\": \"f1\", \"max\": 0.8}]",
                "sweep auto: 10 trials, auto search, objectives f1 (min), f2 (min) subject to f1<=0.8");
    }
}
