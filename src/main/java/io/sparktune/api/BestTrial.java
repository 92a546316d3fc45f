package io.sparktune.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.core.Config;
import io.sparktune.store.BestFile;
import io.sparktune.store.Json;
import io.sparktune.store.SweepDirectory;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The best trial of a sweep, as Orca's {@code get_best_config} and {@code get_best_model} give it.
 *
 * @param modelPath where the best model is stored, or null when the trainable saves none
 * @param json      best.json as written
 */
public record BestTrial(int trialId, String metric, String mode, double value, Config config,
                        Map<String, Double> metrics, String modelPath, String json) {

    static Optional<BestTrial> read(SweepDirectory dir) throws IOException {
        Optional<JsonNode> node = BestFile.read(dir);
        return node.map(n -> new BestTrial(n.get("trial").asInt(), n.get("metric").asText(), n.get("mode").asText(),
                n.get("value").asDouble(), Json.config(n.get("config")), Json.metrics(n.get("metrics")),
                n.hasNonNull("model") ? n.get("model").asText() : null, n.toPrettyString()));
    }
}
