package io.sparktune.testing;

import org.apache.spark.sql.SparkSession;

/** One local[2] Spark for all in-process tests of a JVM: starting Spark costs seconds. */
public final class TestSpark {
    private static SparkSession spark;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("sparktune-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.scheduler.mode", "FAIR")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
        }
        SparkSession.setActiveSession(spark);
        return spark;
    }
}
