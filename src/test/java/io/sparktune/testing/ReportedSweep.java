package io.sparktune.testing;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.sparktune.testing.Spaces.classTrainable;

/**
 * One real sweep, run once per test JVM on local[2] and shared by the tests of what reads sweeps: 16 trials of
 * {@link TestTrainables.LogLoss} over a log-uniform lr and an optimiser choice whose values include
 * markup, so some trials fail with markup in their errors.
 */
public final class ReportedSweep {
    public static final String SCRIPT_VALUE = "<script>alert(1)</script>";
    public static final String IMG_VALUE = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";
    private static String dir;

    private ReportedSweep() {
    }

    public static synchronized String dir() {
        if (dir == null) {
            try {
                Path root = Files.createTempDirectory("sparktune-report");
                String out = root.resolve("sweep").toString();
                String json = "{\"params\": {\"lr\": \"loguniform[1e-4:1e-1]\", \"opt\": {\"choice\": [\"adam\", \"sgd\", "
                        + quoted(SCRIPT_VALUE) + ", " + quoted(IMG_VALUE) + "]}}, \"trainable\": " + classTrainable(TestTrainables.LogLoss.class)
                        + ", \"searcher\": {\"type\": \"random\", \"seed\": 5}, \"budget\": {\"maxTrials\": 16}}";
                TestSpark.session();
                SparkTune.run(SpecParser.parse("report.json", json, "report", new Overrides()),
                        new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(new ByteArrayOutputStream()), 1000));
                dir = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return dir;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
