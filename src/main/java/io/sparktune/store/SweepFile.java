package io.sparktune.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Constraint;
import io.sparktune.core.Goals;
import io.sparktune.core.Objective;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sweep.json}: what makes this sweep this sweep (the spec's identity, the master seed, the
 * sweep whose results seeded its searcher) and the tool version, written once when the sweep
 * directory is made.
 *
 * @param identity    the spec's identity as canonical JSON
 * @param restartFrom the sweep directory given with {@code --restart-from} when this sweep was made, or null
 */
public record SweepFile(String name, Goals goals, String identity, long masterSeed, String version, long createdMillis,
                        String restartFrom) {
    static final String FILE = "sweep.json";

    public static Optional<SweepFile> read(SweepDirectory dir) throws IOException {
        Path path = dir.resolve(FILE);
        if (!dir.exists(path)) {
            return Optional.empty();
        }
        JsonNode node = Json.MAPPER.readTree(dir.readText(path));
        return Optional.of(new SweepFile(node.path("name").asText(), goals(node), node.get("identity").toString(),
                node.get("seed").asLong(), node.path("version").asText(), node.path("created").asLong(),
                node.hasNonNull("restartFrom") ? node.get("restartFrom").asText() : null));
    }

    /** The first objective, as sweeps with one objective wrote it. */
    public Objective objective() {
        return goals.primary();
    }

    private static Goals goals(JsonNode node) {
        Objective primary = new Objective(node.path("metric").asText("loss"), Objective.Mode.parse(node.path("mode").asText("min")));
        if (!node.has("objectives") && !node.has("constraints")) {
            return Goals.of(primary);
        }
        List<Objective> objectives = new ArrayList<>();
        node.path("objectives").forEach(o -> objectives.add(new Objective(o.get("metric").asText(), Objective.Mode.parse(o.get("mode").asText()))));
        List<Constraint> constraints = new ArrayList<>();
        node.path("constraints").forEach(c -> constraints.add(new Constraint(c.get("metric").asText(),
                c.path("min").asDouble(Double.NEGATIVE_INFINITY), c.path("max").asDouble(Double.POSITIVE_INFINITY))));
        return new Goals(objectives.isEmpty() ? List.of(primary) : objectives, constraints);
    }

    /** Unmakes a sweep that no trial ever started in, so that another spec may use its directory. */
    public static void delete(SweepDirectory dir) throws IOException {
        dir.fs().delete(dir.resolve(FILE), false);
    }

    public void write(SweepDirectory dir) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", name);
        node.put("version", version);
        node.put("metric", objective().metric());
        node.put("mode", objective().mode().label());
        if (!goals.single()) {
            Json.goals(node, goals);
        }
        node.put("seed", masterSeed);
        node.put("created", createdMillis);
        if (restartFrom != null) {
            node.put("restartFrom", restartFrom);
        }
        node.set("identity", Json.MAPPER.readTree(identity));
        dir.writeAtomically(dir.resolve(FILE), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }
}
