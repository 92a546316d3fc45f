package io.sparktune.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.List;

/**
 * Spark ML's metadata layout for a saved stage: one JSON line under {@code metadata/} naming its class
 * and uid, so that a {@code Pipeline} or {@code PipelineModel} holding the stage loads it with its
 * other stages (their reader finds the class's {@code read()} by the {@code class} field).
 */
final class StageMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StageMetadata() {
    }

    /** The fields every stage's metadata holds; the caller adds its own. */
    static ObjectNode of(Class<?> type, String uid, SparkSession spark) {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("class", type.getName());
        metadata.put("timestamp", System.currentTimeMillis());
        metadata.put("sparkVersion", spark.version());
        metadata.put("uid", uid);
        metadata.putObject("paramMap");
        metadata.putObject("defaultParamMap");
        return metadata;
    }

    /** Written last by a writer, so that a stage with metadata is a whole one. */
    static void write(SparkSession spark, String path, ObjectNode metadata) {
        spark.createDataset(List.of(metadata.toString()), Encoders.STRING()).coalesce(1).write().text(path + "/metadata");
    }

    static JsonNode read(SparkSession spark, String path, Class<?> type) {
        try {
            return JSON.readTree(spark.read().text(path + "/metadata").first().getString(0));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + path + "/metadata: is " + path + " a saved " + type.getSimpleName() + "? "
                    + e.getMessage(), e);
        }
    }
}
