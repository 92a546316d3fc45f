package io.sparktune.train.sparkml;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.nio.file.Path;

/**
 * Small tables for sweeps of Spark ML estimators: two numeric columns whose sum, with noise, decides
 * a binary label, written as Parquet as a user's data would be.
 */
final class MlTables {
    private MlTables() {
    }

    static Dataset<Row> binary(SparkSession spark, int rows, long seed) {
        Dataset<Row> base = spark.range(rows).select(functions.randn(seed).as("a"), functions.randn(seed + 1).as("b"),
                functions.randn(seed + 2).as("noise"));
        return base.select(base.col("a"), base.col("b"),
                functions.when(base.col("a").plus(base.col("b")).plus(base.col("noise").multiply(0.5)).gt(0), 1.0).otherwise(0.0).as("label"));
    }

    /** Writes {@link #binary} as Parquet under {@code dir} and returns its path. */
    static String parquet(SparkSession spark, Path dir, int rows) {
        String path = dir.resolve("train.parquet").toString();
        binary(spark, rows, 11).coalesce(2).write().parquet(path);
        return path;
    }
}
