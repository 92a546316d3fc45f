package io.sparktune.engine;

import io.sparktune.testing.ChildTune;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trial that asks for more cores than an executor has would never be scheduled: on a real
 * local-cluster (executors in their own JVMs) it is refused before any trial starts.
 */
class ExecutorCoresTest {
    @TempDir
    Path tmp;

    @Test
    void moreCpusPerTrialThanAnExecutorHasIsOneLineNamingResourcesCpusAndExit2() throws Exception {
        Path space = Spaces.write(tmp, "cores", "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\"}, \"budget\": {\"maxTrials\": 2}}");
        String out = tmp.resolve("out").toString();
        Path log = tmp.resolve("tune.log");
        Process tune = ChildTune.start(log, List.of("-Dspark.executor.cores=1", "-Dspark.executor.memory=512m",
                        "-Dspark.executor.extraJavaOptions=" + System.getProperty("sparktune.javaOpens")), Map.of(),
                "run", "--space", space.toString(), "--cpus", "2", "--master", "local-cluster[1,2,1024]", "--out", out);
        assertTrue(tune.waitFor(3, TimeUnit.MINUTES), "refused, not left waiting: " + Files.readString(log));
        String text = Files.readString(log);
        assertEquals(2, tune.exitValue(), text);
        List<String> lines = text.lines().filter(l -> l.contains("resources.cpus")).toList();
        assertEquals(List.of("resources.cpus: 2: a trial asks for more cores than an executor has (1, spark.executor.cores); "
                + "give executors at least 2 cores (--executor-cores) or trials fewer cpus"), lines, text);
        assertFalse(text.contains("\tat "), text);
        assertTrue(new SweepFiles(out).startsPerTrial().isEmpty(), "no trial started");
    }
}
