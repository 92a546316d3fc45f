package io.sparktune.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Objective;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code sweep.json}: what makes this sweep this sweep (the spec's identity, the master seed, the
 * sweep whose results seeded its searcher) and the tool version, written once when the sweep
 * directory is made.
 *
 * @param identity    the spec's identity as canonical JSON
 * @param restartFrom the sweep directory given with {@code --restart-from} when this sweep was made, or null
 */
public record SweepFile(String name, Objective objective, String identity, long masterSeed, String version, long createdMillis,
                        String restartFrom) {
    static final String FILE = "sweep.json";

    public static Optional<SweepFile> read(SweepDirectory dir) throws IOException {
        Path path = dir.resolve(FILE);
        if (!dir.exists(path)) {
            return Optional.empty();
        }
        JsonNode node = Json.MAPPER.readTree(dir.readText(path));
        Objective objective = new Objective(node.path("metric").asText("loss"), Objective.Mode.parse(node.path("mode").asText("min")));
        return Optional.of(new SweepFile(node.path("name").asText(), objective, node.get("identity").toString(),
                node.get("seed").asLong(), node.path("version").asText(), node.path("created").asLong(),
                node.hasNonNull("restartFrom") ? node.get("restartFrom").asText() : null));
    }

    public void write(SweepDirectory dir) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", name);
        node.put("version", version);
        node.put("metric", objective.metric());
        node.put("mode", objective.mode().label());
        node.put("seed", masterSeed);
        node.put("created", createdMillis);
        if (restartFrom != null) {
            node.put("restartFrom", restartFrom);
        }
        node.set("identity", Json.MAPPER.readTree(identity));
        dir.writeAtomically(dir.resolve(FILE), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }
}
