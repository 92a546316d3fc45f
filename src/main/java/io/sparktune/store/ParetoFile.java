package io.sparktune.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Goals;
import io.sparktune.core.TrialResult;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code best/pareto.json}: the feasible non-dominated trials of a sweep with several objectives or
 * with constraints, rewritten (temp file, then rename, as {@code best.json}) whenever the front changes.
 */
public final class ParetoFile {
    static final String FILE = "best/pareto.json";

    private ParetoFile() {
    }

    public static void write(SweepDirectory dir, Goals goals, List<TrialResult> front) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        Json.goals(node, goals);
        ArrayNode trials = node.putArray("trials");
        for (TrialResult t : front) {
            ObjectNode trial = trials.addObject();
            trial.put("trial", t.id());
            ObjectNode values = trial.putObject("objectives");
            goals.objectives().forEach(o -> values.put(o.metric(), t.metrics().get(o.metric())));
            trial.set("config", Json.config(t.config()));
            trial.set("metrics", Json.metrics(t.metrics()));
            trial.put("seed", t.seed());
            trial.put("steps", t.steps());
        }
        dir.writeAtomically(dir.resolve(FILE), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    public static Optional<JsonNode> read(SweepDirectory dir) throws IOException {
        Path path = dir.resolve(FILE);
        return dir.exists(path) ? Optional.of(Json.MAPPER.readTree(dir.readText(path))) : Optional.empty();
    }
}
