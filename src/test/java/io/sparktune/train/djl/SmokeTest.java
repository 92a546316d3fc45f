package io.sparktune.train.djl;

import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.engine.SweepOutcome;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.testing.Datasets;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

class SmokeTest {
    @TempDir
    Path tmp;

    @Test
    void smoke() throws Exception {
        TestSpark.session();
        Path csv = Datasets.blobs(tmp, 600, 3, 1);
        String json = "{\"metric\":\"val_accuracy\",\"mode\":\"max\",\"params\": {\"lr\": \"[0.01, 0.003]\", \"epochs\": 3, \"dropout\": 0.1},"
                + "\"trainable\": {\"type\":\"mlp\",\"data\":{\"train\":\"" + csv + "\",\"format\":\"csv\",\"split\":0.2}},"
                + "\"budget\":{\"parallelism\":2}}";
        SweepOutcome o = SparkTune.run(SpecParser.parse("t.json", json, "t", new Overrides()),
                new RunOptions(tmp.resolve("out").toString(), null, Duration.ofSeconds(60), System.out, 500));
        new SweepFiles(tmp.resolve("out").toString()).results().forEach(System.out::println);
        System.out.println(o);
    }
}
