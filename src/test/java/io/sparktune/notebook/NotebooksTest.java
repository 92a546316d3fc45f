package io.sparktune.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.testing.ReportedSweep;
import io.sparktune.testing.TestSpark;
import io.sparktune.train.TrainableType;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Console$;
import scala.runtime.AbstractFunction0;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every %spark paragraph of each Zeppelin note in notebooks/, in order, through Spark's Scala
 * REPL as Zeppelin's Spark interpreter does: {@code spark}, {@code sc} and a {@code z} stand-in bound,
 * the project's classes on the classpath. A compile or runtime error fails the note.
 *
 * <p>The REPL shares the tests' local Spark, which has no REPL class server, so the notes use the
 * DataFrame API and SparkTune, never Scala closures shipped to executors.
 */
class NotebooksTest {
    private static final Path NOTES = Path.of("notebooks");
    @TempDir
    Path tmp;

    /** What a note's run printed, and how many tables it showed. */
    private record Run(String output, int tables) {
    }

    /** One REPL for every note, as Zeppelin's Spark interpreter is shared by all notes unless set per note. */
    private static IMain repl;
    private static final StringWriter REPL_OUTPUT = new StringWriter();

    @BeforeAll
    static void startTheInterpreter() {
        SparkSession spark = TestSpark.session();
        repl = new IMain(settings(), new PrintWriter(REPL_OUTPUT, true));
        repl.initializeSynchronous();
        bind("spark", SparkSession.class, spark);
        bind("sc", org.apache.spark.SparkContext.class, spark.sparkContext());
    }

    @AfterAll
    static void stopTheInterpreter() {
        if (repl != null) {
            repl.close();
        }
    }

    private Run run(String note, Map<String, String> inputs) throws Exception {
        JsonNode zpln = new ObjectMapper().readTree(NOTES.resolve(note).toFile());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        ZeppelinStandIn z = new ZeppelinStandIn(inputs, console);
        bind("z", ZeppelinStandIn.class, z);
        REPL_OUTPUT.getBuffer().setLength(0);
        int paragraphs = 0;
        for (JsonNode paragraph : zpln.get("paragraphs")) {
            String text = paragraph.path("text").asText();
            if (!text.startsWith("%spark\n")) {
                continue;
            }
            paragraphs++;
            String code = text.substring("%spark\n".length());
            // What the paragraph prints with println goes to Scala's Console, as in Zeppelin's output pane.
            Results.Result result = Console$.MODULE$.withOut(console, new AbstractFunction0<Results.Result>() {
                @Override
                public Results.Result apply() {
                    return repl.interpret(code);
                }
            });
            if (result != Results.Success$.MODULE$) {
                fail(note + ", paragraph '" + paragraph.path("title").asText() + "' ended with " + result + ":\n" + REPL_OUTPUT);
            }
        }
        assertTrue(paragraphs > 0, note + " has no %spark paragraph");
        String output = REPL_OUTPUT + printed.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        return new Run(output, z.shown());
    }

    private static void bind(String name, Class<?> type, Object value) {
        Results.Result result = repl.bind(name, type.getName(), value, scala.collection.immutable.List$.MODULE$.<String>empty());
        assertEquals(Results.Success$.MODULE$, result, "binding " + name + ": " + REPL_OUTPUT);
    }

    /** The test JVM's classpath, as surefire gives it: the project's classes and every dependency. */
    private static Settings settings() {
        Settings settings = new Settings();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        settings.classpath().value_$eq(classpath);
        settings.embeddedDefaults(NotebooksTest.class.getClassLoader());
        return settings;
    }

    @Test
    void theQuickstartNoteRunsItsSweepAndShowsTheTrials() throws Exception {
        Run run = run("quickstart.zpln", Map.of("out", tmp.resolve("quickstart").toString()));
        assertTrue(run.output().contains("COMPLETE: 40 completed, 0 failed"), run.output());
        assertEquals(2, run.tables());
        assertTrue(Files.isDirectory(tmp.resolve("quickstart/journal")), "the sweep ran into the given directory");
    }

    @Test
    void theAnalysisNoteReadsAFinishedSweepAndWritesItsReport() throws Exception {
        Path report = tmp.resolve("report.html");
        Run run = run("analyse-a-sweep.zpln", Map.of("out", ReportedSweep.dir(), "report", report.toString()));
        assertEquals(4, run.tables());
        assertTrue(run.output().contains("%table trial_id\thost\terror"), "the failures table: " + run.output());
        assertTrue(Files.readString(report).contains("<svg"), "the report has plots");
    }

    @Test
    void thePipelineNoteTunesAPipelineWithTuneValidator() throws Exception {
        Run run = run("tune-a-pipeline.zpln", Map.of("out", tmp.resolve("pipeline").toString(), "trials", "4"));
        assertTrue(run.output().contains("best areaUnderROC "), run.output());
        assertTrue(run.output().contains("of 4 trials"), run.output());
        assertEquals(2, run.tables());
        assertTrue(Files.isDirectory(tmp.resolve("pipeline/journal")), "the sweep ran into the given directory");
    }

    @Test
    void theFashionMnistNoteTunesTheMlp() throws Exception {
        boolean mlp = ServiceLoader.load(TrainableType.class).stream().anyMatch(t -> t.get().name().equals("mlp"));
        if (!mlp) {
            System.err.println("SKIPPED: fashion-mnist-mlp.zpln needs the \"mlp\" trainable type, which is not on this classpath");
        }
        Assumptions.assumeTrue(mlp, "the \"mlp\" trainable type is not registered");
        Path data = Path.of(System.getProperty("sparktune.sharedDir", "../shared"), "datasets/fashion-mnist");
        Run run = run("fashion-mnist-mlp.zpln", Map.of("data", data.toString(), "out", tmp.resolve("fmnist").toString(),
                "trials", "2", "epochs", "1"));
        assertTrue(run.output().contains("COMPLETE: 2 completed"), run.output());
        assertEquals(2, run.tables());
    }
}
