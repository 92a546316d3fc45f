package io.sparktune.cluster;

import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.testing.Datasets;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * xgboost trials on a real standalone cluster (a Master and a Worker in their own JVMs), with the
 * driver started as submit/tune starts it without SPARK_HOME: XGBoost's native library loads in the
 * executor, offline, and the driver ships xgboost4j's jar beside tune.jar.
 */
class XGBoostClusterIT {
    @TempDir
    static Path tmp;
    private static StandaloneCluster spark;

    @BeforeAll
    static void start() throws Exception {
        spark = new StandaloneCluster(tmp.resolve("spark"), 1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void anXgboostSweepTrainsOnTheClusterWithXgboostsJarShippedToTheExecutor() throws Exception {
        Path csv = Datasets.blobs(tmp, 600, 3, 1);
        Path space = Spaces.write(tmp, "xgb", "{\"metric\": \"val_accuracy\", \"mode\": \"max\","
                + " \"params\": {\"eta\": \"[0.3, 0.1]\", \"num_round\": 5},"
                + " \"trainable\": {\"type\": \"xgboost\", \"data\": {\"train\": \"" + csv + "\", \"format\": \"csv\", \"split\": 0.2}}}");
        String out = tmp.resolve("out").toString();
        Path log = tmp.resolve("xgb.log");
        Process driver = spark.tune(log, List.of(), "run", "--space", space.toString(), "--out", out);
        assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "the sweep finishes: " + Files.readString(log));
        assertEquals(0, driver.exitValue(), Files.readString(log));

        List<TrialResult> results = new SweepFiles(out).results();
        assertEquals(2, results.size(), results.toString());
        for (TrialResult result : results) {
            assertEquals(TrialStatus.COMPLETED, result.status(), result.toString());
            assertTrue(result.metrics().get("val_accuracy") > 0.9, result.toString());
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("spark/worker-0"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("xgboost4j_2.12-3.4.0.jar")),
                    "the executor fetched xgboost4j's jar");
        }
    }
}
