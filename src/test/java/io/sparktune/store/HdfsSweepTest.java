package io.sparktune.store;

import io.sparktune.cli.Main;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same sweep with its directory on HDFS: a real MiniDFSCluster. */
class HdfsSweepTest {
    @TempDir
    static java.nio.file.Path tmp;
    private static MiniDFSCluster hdfs;

    @BeforeAll
    static void start() throws Exception {
        TestSpark.session();
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
    }

    @AfterAll
    static void stop() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void aSweepRunsAndResumesWithItsDirectoryOnHdfs() throws Exception {
        java.nio.file.Path space = Spaces.write(tmp, "hdfs", "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\", \"steps\": 3},"
                + " \"budget\": {\"maxTrials\": 12}, \"searcher\": {\"type\": \"sobol\", \"seed\": 1}}");
        String out = "hdfs://localhost:" + hdfs.getNameNodePort() + "/sweeps/branin";
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(console, true);
        assertEquals(0, Main.run(new String[] {"--space", space.toString(), "--out", out}, print, print), console.toString());

        Configuration conf = new Configuration();
        SweepFiles files = new SweepFiles(out, conf);
        assertEquals(12, files.resultsPerTrial().size());
        FileSystem fs = FileSystem.get(URI.create(out), conf);
        assertTrue(fs.exists(new Path(out, "best/best.json")));
        assertTrue(fs.exists(new Path(out, "trials.parquet/_SUCCESS")));
        assertTrue(fs.exists(new Path(out, "trials/0/progress.jsonl")), "executors reported steps to HDFS");
        FileStatus[] journal = fs.listStatus(new Path(out, "journal"));
        assertEquals(1, journal.length, "compacted: " + Arrays.toString(journal));

        assertEquals(0, Main.run(new String[] {"--space", space.toString(), "--out", out, "--max-trials", "20"}, print, print),
                console.toString());
        assertEquals(20, new SweepFiles(out, conf).resultsPerTrial().size(), "raising the budget continues the same sweep");
    }
}
