package io.sparktune.cluster;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

import java.nio.file.Path;

/**
 * A standalone Spark cluster of 2 Workers and a MiniDFSCluster for its data and sweep directories,
 * started together by a cluster IT and stopped together, the Spark side first.
 */
final class SparkOnHdfs implements AutoCloseable {
    final Configuration conf;
    final MiniDFSCluster hdfs;
    final StandaloneCluster spark;

    /** @param conf the HDFS settings the cluster and the test's own clients share */
    SparkOnHdfs(Path dir, Configuration conf, int dataNodes) throws Exception {
        this.conf = conf;
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
        this.hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(dataNodes).build();
        hdfs.waitActive();
        this.spark = new StandaloneCluster(dir.resolve("spark"), 2);
    }

    /** The hdfs:// URI of {@code path} on the MiniDFSCluster. */
    String uri(String path) {
        return "hdfs://localhost:" + hdfs.getNameNodePort() + path;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            spark.close();
        } finally {
            hdfs.shutdown();
        }
    }
}
