package io.sparktune.engine;

import io.sparktune.api.SweepOutcome;
import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Observation;
import io.sparktune.core.TrialResult;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepFile;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tune run --restart-from}: a new sweep's searcher starts from another sweep's results, on local[2]. */
class RestartFromTest {
    private static final String BRANIN = "\"trainable\": {\"type\": \"function\", \"function\": \"branin\"}";
    /** What the runs print, the restart line among it. */
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        TestSpark.session();
    }

    private static SweepSpec spec(String x0, String searcher, int trials) {
        return SpecParser.parse("test.json", "{\"params\": {\"x0\": \"" + x0 + "\", \"x1\": \"uniform[0:15]\"}, " + BRANIN
                + ", \"searcher\": {\"type\": \"" + searcher + "\", \"seed\": 11}, \"budget\": {\"maxTrials\": " + trials
                + ", \"parallelism\": 2}}", "test", new Overrides());
    }

    private SweepOutcome run(SweepSpec spec, String out, String restartFrom) throws Exception {
        RunOptions options = new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(console, true), 200);
        return SparkTune.run(spec, options.withRestartFrom(restartFrom));
    }

    private String out(String name) {
        return tmp.resolve(name).toString();
    }

    @Test
    void resultsWhoseConfigsFitTheNewSpaceSeedTheHistoryUnderNegativeIds() throws Exception {
        run(spec("uniform[-5:10]", "random", 16), out("wide"), null);
        List<TrialResult> earlier = new SweepFiles(out("wide")).results();
        long fitting = earlier.stream().filter(r -> r.config().getDouble("x0") <= 2.5).count();
        assertTrue(fitting > 0 && fitting < earlier.size(), "the test needs trials on both sides of x0 = 2.5, got " + fitting);

        SweepSpec narrow = spec("uniform[-5:2.5]", "gp", 4);
        SweepState state = new SweepState(narrow.goals(), true);
        String line = state.seedFrom(SweepDirectory.at(out("wide"), new Configuration()), narrow.space());

        List<Observation> seeded = state.history().observations();
        assertEquals(fitting, seeded.size(), "observations taken from the other sweep");
        assertTrue(seeded.stream().allMatch(o -> o.trialId() < 0 && o.config().getDouble("x0") <= 2.5), "seeded: " + seeded);
        assertEquals(0, state.history().created(), "the new sweep's own trial ids start at 0");
        assertTrue(line.contains("skipped " + (earlier.size() - fitting) + " whose configs do not fit"), line);
    }

    @Test
    void aRestartedGpSweepBeatsAFreshOneInItsFirstTrials() throws Exception {
        run(spec("uniform[-5:10]", "random", 20), out("earlier"), null);
        SweepOutcome restarted = run(spec("uniform[-5:10]", "gp", 2), out("restarted"), out("earlier"));
        SweepOutcome fresh = run(spec("uniform[-5:10]", "gp", 2), out("fresh"), null);

        assertEquals(List.of(0, 1), new SweepFiles(out("restarted")).results().stream().map(TrialResult::id).sorted().toList());
        double restartedBest = restarted.best().metrics().get("loss");
        double freshBest = fresh.best().metrics().get("loss");
        assertTrue(restartedBest < freshBest, "best loss in 2 trials: restarted " + restartedBest + ", fresh " + freshBest);
        assertTrue(console.toString().contains("20 results seed the searcher"), console.toString());
    }

    @Test
    void aRestartedSweepRemembersItsSourceSoARerunWithoutTheFlagResumesWithTheSameHistory() throws Exception {
        run(spec("uniform[-5:10]", "random", 20), out("source"), null);
        run(spec("uniform[-5:10]", "random", 6), out("other"), null);
        SweepSpec gp = spec("uniform[-5:10]", "gp", 2);
        run(gp, out("seeded"), out("source"));
        assertEquals(SweepDirectory.at(out("source"), new Configuration()).uri(),
                SweepFile.read(SweepDirectory.at(out("seeded"), new Configuration())).orElseThrow().restartFrom());

        console.reset();
        run(gp, out("seeded"), null);
        assertTrue(console.toString().contains("20 results seed the searcher"), console.toString());

        InvalidInputException other = assertThrows(InvalidInputException.class, () -> run(gp, out("seeded"), out("other")));
        assertTrue(other.getMessage().startsWith("--restart-from: " + out("other") + ": the sweep in "), other.getMessage());
        assertTrue(other.getMessage().endsWith("leave the flag out to resume it"), other.getMessage());
        run(gp, out("plain"), null);
        InvalidInputException late = assertThrows(InvalidInputException.class, () -> run(gp, out("plain"), out("source")));
        assertTrue(late.getMessage().contains("was started without --restart-from"), late.getMessage());
    }

    @Test
    void restartFromADirectoryWithNoSweepIsRefusedNamingTheFlag() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> run(spec("uniform[-5:10]", "gp", 2), out("new"), out("nothing-here")));
        assertTrue(error.getMessage().contains("--restart-from") && error.getMessage().contains("holds no sweep"), error.getMessage());
    }
}
