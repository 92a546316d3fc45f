package io.sparktune.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.Optional;

/** {@code best/best.json}: the best trial so far, rewritten whenever a better one finishes. */
public final class BestFile {
    static final String FILE = "best/best.json";

    private BestFile() {
    }

    public static void write(SweepDirectory dir, Objective objective, TrialResult best) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("trial", best.id());
        node.put("metric", objective.metric());
        node.put("mode", objective.mode().label());
        node.put("value", best.metrics().get(objective.metric()));
        node.set("config", Json.config(best.config()));
        node.set("metrics", Json.metrics(best.metrics()));
        node.put("status", best.status().name());
        node.put("seed", best.seed());
        node.put("steps", best.steps());
        node.put("host", best.host());
        Path model = dir.resolve("best/model");
        if (dir.exists(model)) {
            node.put("model", model.toString());
        }
        dir.writeAtomically(dir.resolve(FILE), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    public static Optional<JsonNode> read(SweepDirectory dir) throws IOException {
        Path path = dir.resolve(FILE);
        return dir.exists(path) ? Optional.of(Json.MAPPER.readTree(dir.readText(path))) : Optional.empty();
    }
}
