package io.sparktune.store;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Config;
import io.sparktune.core.Constraint;
import io.sparktune.core.Goals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of configs and metrics, shared by every file in a sweep directory. */
public final class Json {
    /** NaN and infinities stay numbers (unquoted), as Spark's JSON reader expects them. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private Json() {
    }

    public static ObjectNode config(Config config) {
        ObjectNode node = MAPPER.createObjectNode();
        config.values().forEach((k, v) -> node.set(k, MAPPER.valueToTree(v)));
        return node;
    }

    public static Config config(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> values.put(f.getKey(), value(f.getValue())));
        return Config.of(values);
    }

    private static Object value(JsonNode node) {
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return List.copyOf(items);
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }

    /** Adds {@code objectives} and {@code constraints} as the spec writes them. */
    static void goals(ObjectNode node, Goals goals) {
        ArrayNode objectives = node.putArray("objectives");
        goals.objectives().forEach(o -> objectives.addObject().put("metric", o.metric()).put("mode", o.mode().label()));
        ArrayNode constraints = node.putArray("constraints");
        for (Constraint c : goals.constraints()) {
            ObjectNode bound = constraints.addObject().put("metric", c.metric());
            if (Double.isFinite(c.min())) {
                bound.put("min", c.min());
            }
            if (Double.isFinite(c.max())) {
                bound.put("max", c.max());
            }
        }
    }

    public static ObjectNode metrics(Map<String, Double> metrics) {
        ObjectNode node = MAPPER.createObjectNode();
        metrics.forEach(node::put);
        return node;
    }

    public static Map<String, Double> metrics(JsonNode node) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(f -> metrics.put(f.getKey(), f.getValue().asDouble()));
        }
        return metrics;
    }
}
