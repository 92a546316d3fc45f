package io.sparktune.cluster;

import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
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
 * A sparkml sweep submitted to a real standalone cluster (a Master and 2 Workers in their own JVMs),
 * its data and sweep directory on a MiniDFSCluster: trials run on the driver, their fits on the executors.
 */
class SparkMlClusterIT {
    @TempDir
    static Path tmp;
    private static MiniDFSCluster hdfs;
    private static StandaloneCluster spark;
    private static Configuration conf;

    @BeforeAll
    static void start() throws Exception {
        conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
        spark = new StandaloneCluster(tmp.resolve("spark"), 2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.close();
        }
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    private static String hdfs(String path) {
        return "hdfs://localhost:" + hdfs.getNameNodePort() + path;
    }

    @Test
    void aSparkMlSweepOnHdfsDataRunsItsFitsOnTheClusterAndSavesTheBestModel() throws Exception {
        Dataset<Row> base = TestSpark.session().range(500).select(functions.randn(1).as("a"), functions.randn(2).as("b"));
        Path local = tmp.resolve("train.parquet");
        base.select(base.col("a"), base.col("b"), functions.when(base.col("a").plus(base.col("b")).gt(0), 1.0).otherwise(0.0).as("label"))
                .coalesce(2).write().parquet(local.toString());
        FileSystem fs = hdfs.getFileSystem();
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path("/data/train.parquet"));

        Path space = Spaces.write(tmp, "forest", "{\"metric\": \"accuracy\", \"mode\": \"max\", \"params\": {\"maxDepth\": [2, 4, 6], \"numTrees\": [10]},"
                + " \"trainable\": {\"type\": \"sparkml\", \"estimator\": \"org.apache.spark.ml.classification.RandomForestClassifier\","
                + " \"data\": {\"train\": \"" + hdfs("/data/train.parquet") + "\", \"features\": [\"a\", \"b\"], \"validation\": {\"split\": 0.25}},"
                + " \"evaluator\": {\"type\": \"MulticlassClassificationEvaluator\", \"metricName\": \"accuracy\"}},"
                + " \"searcher\": {\"type\": \"grid\"}, \"budget\": {\"parallelism\": 2}}");
        String out = hdfs("/sweeps/forest");
        Path log = tmp.resolve("forest.log");
        Process driver = spark.submit(log, List.of("spark.hadoop.dfs.replication=1"), "run", "--space", space.toString(), "--out", out);
        assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "the sweep finishes: " + Files.readString(log));
        assertEquals(0, driver.exitValue(), Files.readString(log));

        List<TrialResult> results = new SweepFiles(out, conf).results();
        assertEquals(3, results.size(), Files.readString(log));
        for (TrialResult result : results) {
            assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
            assertTrue(result.metrics().get("accuracy") > 0.7, result.toString());
        }
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/sweeps/forest/best/model/metadata")), "best/model holds a Spark ML model");
        assertTrue(executorsRanTasks(), "the fits ran as tasks on the cluster's executors");
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
