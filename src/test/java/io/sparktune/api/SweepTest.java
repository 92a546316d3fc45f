package io.sparktune.api;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Constraint;
import io.sparktune.core.Objective;
import io.sparktune.schedule.SchedulerSpec;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepFile;
import io.sparktune.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java API's sweep builder sets what tune run's flags set, through the same table. */
class SweepTest {
    private static final String NOISY = "{\"params\": {\"x\": \"[-1,0,1]\", \"noise\": 0}, \"trainable\": {\"type\": \"function\", \"function\": \"noisy\"}}";

    @TempDir
    Path tmp;

    @Test
    void objectivesAndConstraintsSetWhatTheirFlagsSet() {
        SweepSpec spec = SparkTune.sweep(null).spaceJson(NOISY, "noisy").searcher("random")
                .objectives("val_accuracy:max", "latency_ms:min").constraints("memory_mb<=2048").spec();
        assertEquals(List.of(new Objective("val_accuracy", Objective.Mode.MAX), new Objective("latency_ms", Objective.Mode.MIN)),
                spec.goals().objectives());
        assertEquals(List.of(new Constraint("memory_mb", Double.NEGATIVE_INFINITY, 2048)), spec.goals().constraints());
    }

    @Test
    void everySetterReachesTheSpec() {
        SweepSpec spec = SparkTune.sweep(null).spaceJson(NOISY, "noisy")
                .searcher("random").seed(3).scheduler("median").maxTrials(7).parallelism(2).trialsPerTask(4)
                .timeBudget("1h").trialTimeout("90s").metric("accuracy").mode("max").cpus(2).gpus(0.5)
                .spec();
        assertEquals("random", spec.searcher().type());
        assertEquals(3L, spec.seed().getAsLong());
        assertEquals(new SchedulerSpec.MedianOptions(1, 3), spec.scheduler(), "median with its defaults");
        assertEquals(7, spec.budget().maxTrials());
        assertEquals(2, spec.budget().parallelismIfSet().orElseThrow());
        assertEquals(4, spec.budget().trialsPerTaskIfSet().orElseThrow());
        assertEquals(Duration.ofHours(1), spec.budget().timeBudgetIfSet().orElseThrow());
        assertEquals(Duration.ofSeconds(90), spec.budget().trialTimeoutIfSet().orElseThrow());
        assertEquals(new Objective("accuracy", Objective.Mode.MAX), spec.objective());
        assertEquals(2, spec.resources().cpus());
        assertEquals(0.5, spec.resources().gpus());
        assertEquals(new Objective("val_loss", Objective.Mode.MIN),
                SparkTune.sweep(null).spaceJson(NOISY, "noisy").optimise("val_loss", Objective.Mode.MIN).spec().objective());
    }

    @Test
    void aBadValueIsReportedAgainstTheFlagOfTheSameName() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SparkTune.sweep(null).spaceJson(NOISY, "noisy").scheduler("bogus").spec());
        assertTrue(e.getMessage().startsWith("--scheduler: "), e.getMessage());
    }

    @Test
    void aCommandLineNeedsNoSpaceFile() {
        SweepSpec spec = SparkTune.sweep(null).command("python3 examples/train.py --fast").param("x", "[1,2]").spec();
        assertEquals("train", spec.name());
        assertTrue(spec.identity().contains("\"trainable\":{\"type\":\"command\",\"argv\":[\"python3\",\"examples/train.py\",\"--fast\"]"),
                spec.identity());
    }

    @Test
    void restartFromSeedsANewSweepAndIsRemembered() throws Exception {
        TestSpark.session();
        String earlier = tmp.resolve("earlier").toString();
        assertEquals(ExitCode.COMPLETE, SparkTune.sweep(null).spaceJson(NOISY, "noisy").out(earlier).run().exitCode());
        String later = tmp.resolve("later").toString();
        assertEquals(ExitCode.COMPLETE, SparkTune.sweep(null).spaceJson(NOISY, "noisy").out(later).restartFrom(earlier).run().exitCode());
        String recorded = SweepFile.read(SweepDirectory.at(later, new Configuration())).orElseThrow().restartFrom();
        assertEquals(SweepDirectory.at(earlier, new Configuration()).uri(), recorded);
    }
}
