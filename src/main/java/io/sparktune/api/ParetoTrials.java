package io.sparktune.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.store.Json;
import io.sparktune.store.ParetoFile;
import io.sparktune.store.SweepDirectory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The feasible non-dominated trials of a sweep with several objectives or constraints.
 *
 * @param json pareto.json as written
 */
public record ParetoTrials(List<FrontTrial> trials, String json) {

    static Optional<ParetoTrials> read(SweepDirectory dir) throws IOException {
        Optional<JsonNode> node = ParetoFile.read(dir);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        List<FrontTrial> trials = new ArrayList<>();
        node.get().path("trials").forEach(t -> trials.add(new FrontTrial(t.get("trial").asInt(), Json.metrics(t.get("objectives")),
                Json.config(t.get("config")))));
        return Optional.of(new ParetoTrials(List.copyOf(trials), node.get().toPrettyString()));
    }
}
