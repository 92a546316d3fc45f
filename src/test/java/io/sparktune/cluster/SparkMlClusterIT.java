package io.sparktune.cluster;

import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sparkml sweeps submitted to a real standalone cluster (a Master and 2 Workers in their own JVMs),
 * their data and sweep directories on a MiniDFSCluster: trials run on the driver, their fits on the
 * executors; the fault is a real kill -9 of an executor in the middle of a fit.
 */
class SparkMlClusterIT {
    @TempDir
    static Path tmp;
    private static SparkOnHdfs cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new SparkOnHdfs(tmp, new Configuration(), 1);
        Dataset<Row> base = TestSpark.session().range(4000).select(functions.randn(1).as("a"), functions.randn(2).as("b"));
        Path local = tmp.resolve("train.parquet");
        base.select(base.col("a"), base.col("b"), functions.when(base.col("a").plus(base.col("b")).gt(0), 1.0).otherwise(0.0).as("label"))
                .coalesce(2).write().parquet(local.toString());
        FileSystem fs = cluster.hdfs.getFileSystem();
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path("/data/train.parquet"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A random forest's sweep over {@code maxDepth} on the HDFS table, 2 trials at a time. */
    private static Process submit(String name, String maxDepths, int numTrees) throws Exception {
        Path space = Spaces.write(tmp, name, "{\"metric\": \"accuracy\", \"mode\": \"max\", \"params\": {\"maxDepth\": " + maxDepths
                + ", \"numTrees\": [" + numTrees + "]}, \"trainable\": {\"type\": \"sparkml\","
                + " \"estimator\": \"org.apache.spark.ml.classification.RandomForestClassifier\","
                + " \"data\": {\"train\": \"" + cluster.uri("/data/train.parquet") + "\", \"features\": [\"a\", \"b\"], \"validation\": {\"split\": 0.25}},"
                + " \"evaluator\": {\"type\": \"MulticlassClassificationEvaluator\", \"metricName\": \"accuracy\"}},"
                + " \"searcher\": {\"type\": \"grid\"}, \"budget\": {\"parallelism\": 2}}");
        return cluster.spark.submit(tmp.resolve(name + ".log"), List.of("spark.hadoop.dfs.replication=1"),
                "run", "--space", space.toString(), "--out", cluster.uri("/sweeps/" + name));
    }

    private static List<TrialResult> awaitResults(Process driver, String name) throws Exception {
        String log = tmp.resolve(name + ".log").toString();
        assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "the sweep finishes: " + Files.readString(Path.of(log)));
        assertEquals(0, driver.exitValue(), Files.readString(Path.of(log)));
        return new SweepFiles(cluster.uri("/sweeps/" + name), cluster.conf).results();
    }

    @Test
    void aSparkMlSweepOnHdfsDataRunsItsFitsOnTheClusterAndSavesTheBestModel() throws Exception {
        List<TrialResult> results = awaitResults(submit("forest", "[2, 4, 6]", 10), "forest");
        assertEquals(3, results.size(), results.toString());
        for (TrialResult result : results) {
            assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
            assertTrue(result.metrics().get("accuracy") > 0.7, result.toString());
        }
        assertTrue(cluster.hdfs.getFileSystem().exists(new org.apache.hadoop.fs.Path("/sweeps/forest/best/model/metadata")),
                "best/model holds a Spark ML model");
        assertTrue(executorsRanTasks(), "the fits ran as tasks on the cluster's executors");
    }

    @Test
    void anExecutorKilledDuringAFitCostsNoTrial() throws Exception {
        Process driver = submit("killed", "[3, 4, 5, 6, 7, 8]", 40);
        SweepWatch.await(() -> SweepWatch.stepsReported(cluster.uri("/sweeps/killed"), cluster.conf, 0) >= 1, driver,
                () -> Files.readString(tmp.resolve("killed.log")));
        // Trial 0 has just reported; trial 1 and trial 2 are fitting at parallelism 2.
        long killedAt = System.currentTimeMillis();
        cluster.spark.executors().get(0).destroyForcibly();
        List<TrialResult> results = awaitResults(driver, "killed");

        assertEquals(6, results.size(), results.toString());
        results.forEach(r -> assertEquals(TrialStatus.COMPLETED, r.status(), r.toString()));
        assertTrue(results.stream().anyMatch(r -> r.startMillis() < killedAt && killedAt < r.endMillis()),
                "a trial was fitting when its executor died: " + results);
        assertTrue(Files.readString(tmp.resolve("killed.log")).contains("Lost executor"), "the driver saw the executor die");
    }

    /** Executors log their tasks to {@code stderr} in their worker's work directory. */
    private static boolean executorsRanTasks() throws Exception {
        try (var files = Files.walk(tmp.resolve("spark"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                if (Files.readString(file).contains("Finished task")) {
                    return true;
                }
            }
        }
        return false;
    }
}
