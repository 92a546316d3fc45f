package io.sparktune.store;

import io.sparktune.cli.Main;
import io.sparktune.testing.ChildTune;
import io.sparktune.testing.Spaces;
import io.sparktune.testing.SweepFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep directory's file system goes away: a clear answer, never a hang, and a clean resume. */
class StoreOutageIT {
    @TempDir
    Path tmp;

    private Path space(int trials) {
        return Spaces.write(tmp, "outage", "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"},"
                + " \"trainable\": {\"type\": \"function\", \"function\": \"branin\", \"steps\": 4, \"stepSeconds\": 0.1},"
                + " \"searcher\": {\"type\": \"random\", \"seed\": 9}, \"budget\": {\"maxTrials\": " + trials + ", \"parallelism\": 2}}");
    }

    @Test
    void anUnreachableNameNodeAtStartIsAClearErrorNotAHang() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int exit = Main.run(new String[] {"--space", space(4).toString(), "--out", "hdfs://127.0.0.1:" + port + "/sweeps/x"},
                new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String line = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, exit, line);
        assertEquals(1, line.lines().count(), "one line: " + line);
        assertTrue(line.startsWith("tune: cannot reach the sweep directory hdfs://127.0.0.1:" + port + "/sweeps/x: "), line);
        assertTrue(seconds < 120, "answered in " + seconds + "s");
    }

    @Test
    void aNameNodeLostMidRunStopsTheRunCleanlyAndTheRerunResumes() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            hdfs.waitActive();
            String out = "hdfs://localhost:" + hdfs.getNameNodePort() + "/sweeps/outage";
            String[] args = {"run", "--space", space(30).toString(), "--out", out, "--master", "local[2]"};
            Process driver = ChildTune.start(tmp.resolve("first.log"), args);
            long deadline = System.currentTimeMillis() + 120_000;
            while (results(out, conf) < 4 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            hdfs.shutdownNameNode(0);
            assertTrue(driver.waitFor(180, TimeUnit.SECONDS), "the run stops by itself: " + Files.readString(tmp.resolve("first.log")));
            String log = Files.readString(tmp.resolve("first.log"));
            assertEquals(1, driver.exitValue(), log);
            assertTrue(log.contains("(the journal is consistent: run the same command again to resume)"), log);

            hdfs.restartNameNode(0);
            hdfs.waitActive();
            Process again = ChildTune.start(tmp.resolve("second.log"), args);
            assertTrue(again.waitFor(180, TimeUnit.SECONDS));
            assertEquals(0, again.exitValue(), Files.readString(tmp.resolve("second.log")));
            var perTrial = new SweepFiles(out, conf).resultsPerTrial();
            assertEquals(30, perTrial.size());
            perTrial.forEach((id, n) -> assertEquals(1, n, "trial " + id));
        } finally {
            hdfs.shutdown();
        }
    }

    private static int results(String out, Configuration conf) {
        try {
            return new SweepFiles(out, conf).results().size();
        } catch (Exception notYet) {
            return 0;
        }
    }
}
