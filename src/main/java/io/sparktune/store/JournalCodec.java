package io.sparktune.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;

/** Journal records as JSON lines, flat enough for {@code spark.read.json} to make a table of them. */
final class JournalCodec {
    private JournalCodec() {
    }

    static String encode(JournalRecord record) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (record instanceof JournalRecord.Started s) {
            node.put("kind", "start");
            node.put("id", s.trial().id());
            node.put("seed", s.trial().seed());
            node.put("attempt", s.trial().attempt());
            node.put("time", s.timeMillis());
            node.put("suggestMillis", s.suggestMillis());
            node.set("config", Json.config(s.trial().config()));
        } else if (record instanceof JournalRecord.Retried r) {
            // attempt: the attempt whose result is void; the trial's next result comes from a later one.
            node.put("kind", "retry");
            node.put("id", r.trial().id());
            node.put("seed", r.trial().seed());
            node.put("attempt", r.trial().attempt());
            node.put("time", r.timeMillis());
            node.set("config", Json.config(r.trial().config()));
        } else {
            TrialResult r = ((JournalRecord.Finished) record).result();
            node.put("kind", "result");
            node.put("id", r.id());
            node.put("seed", r.seed());
            node.put("attempt", r.attempt());
            node.put("status", r.status().name());
            node.set("config", Json.config(r.config()));
            node.set("metrics", Json.metrics(r.metrics()));
            node.put("steps", r.steps());
            node.put("start", r.startMillis());
            node.put("end", r.endMillis());
            node.put("host", r.host());
            node.put("error", r.error());
        }
        return node.toString();
    }

    static JournalRecord decode(String line) throws JsonProcessingException {
        JsonNode node = Json.MAPPER.readTree(line);
        int id = node.get("id").asInt();
        long seed = node.get("seed").asLong();
        int attempt = node.get("attempt").asInt();
        var config = Json.config(node.get("config"));
        String kind = node.get("kind").asText();
        if (kind.equals("retry")) {
            return new JournalRecord.Retried(new Trial(id, config, seed, attempt), node.get("time").asLong());
        }
        if (kind.equals("start")) {
            // Journals written before suggestion times were kept have none: they count as 0.
            return new JournalRecord.Started(new Trial(id, config, seed, attempt), node.get("time").asLong(),
                    node.path("suggestMillis").asDouble(0));
        }
        JsonNode error = node.get("error");
        return new JournalRecord.Finished(new TrialResult(id, config, seed, TrialStatus.valueOf(node.get("status").asText()),
                Json.metrics(node.get("metrics")), node.get("steps").asLong(), node.get("start").asLong(),
            node.get("end").asLong(), node.get("host").asText(), error == null || error.isNull() ? null : error.asText(), attempt));
    }
}
