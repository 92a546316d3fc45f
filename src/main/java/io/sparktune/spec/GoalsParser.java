package io.sparktune.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Constraint;
import io.sparktune.core.Goals;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.space.SpaceParser;
import io.sparktune.train.TrainableSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spec's {@code metric}/{@code mode} or {@code objectives}, and its {@code constraints}, as
 * {@link Goals}; every error names its JSON path, e.g. {@code objectives[1].metric}.
 */
final class GoalsParser {
    private static final Set<String> OBJECTIVE_KEYS = Set.of("metric", "mode");
    private static final Set<String> CONSTRAINT_KEYS = Set.of("metric", "min", "max");

    private GoalsParser() {
    }

    static Goals parse(ObjectNode root) {
        JsonNode objectivesNode = root.get("objectives");
        List<Objective> objectives;
        if (objectivesNode == null) {
            objectives = List.of(new Objective(text(root, "metric", "loss", "metric"), mode(root, "mode")));
        } else {
            for (String single : List.of("metric", "mode")) {
                if (root.has(single)) {
                    throw new InvalidInputException(null, "objectives", "give either objectives or metric/mode, not both ('" + single + "' is set too)");
                }
            }
            objectives = objectives(objectivesNode);
        }
        return new Goals(objectives, constraints(root.get("constraints"), objectives));
    }

    /**
     * Refuses an objective that {@code trainable} never reports, where it names its metrics before
     * running: every trial would fail for want of it.
     */
    static void checkReported(Goals goals, ObjectNode root, TrainableSpec trainable) {
        trainable.reportedMetrics().ifPresent(reported -> {
            for (int i = 0; i < goals.objectives().size(); i++) {
                String metric = goals.objectives().get(i).metric();
                if (!reported.contains(metric)) {
                    throw new InvalidInputException(null, root.has("objectives") ? "objectives[" + i + "].metric" : "metric",
                            "no trial would report '" + metric + "': the trainable reports " + String.join(", ", reported));
                }
            }
        });
    }

    private static List<Objective> objectives(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidInputException(null, "objectives",
                    "expected a non-empty list such as [{\"metric\": \"val_accuracy\", \"mode\": \"max\"}]");
        }
        List<Objective> objectives = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "objectives[" + i + "]";
            ObjectNode item = object(node.get(i), path, OBJECTIVE_KEYS);
            String metric = text(item, "metric", null, path + ".metric");
            for (Objective earlier : objectives) {
                if (earlier.metric().equals(metric)) {
                    throw new InvalidInputException(null, path + ".metric", "duplicate objective '" + metric + "'");
                }
            }
            objectives.add(new Objective(metric, mode(item, path + ".mode")));
        }
        return objectives;
    }

    private static List<Constraint> constraints(JsonNode node, List<Objective> objectives) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInputException(null, "constraints", "expected a list such as [{\"metric\": \"memory_mb\", \"max\": 2048}]");
        }
        List<Constraint> constraints = new ArrayList<>();
        Map<String, Constraint> combined = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "constraints[" + i + "]";
            ObjectNode item = object(node.get(i), path, CONSTRAINT_KEYS);
            String metric = text(item, "metric", null, path + ".metric");
            if (!item.has("min") && !item.has("max")) {
                throw new InvalidInputException(null, path, "missing: a bound, \"min\" or \"max\"");
            }
            Constraint c = new Constraint(metric, bound(item, "min", path, Double.NEGATIVE_INFINITY), bound(item, "max", path, Double.POSITIVE_INFINITY));
            Constraint all = combined.merge(metric, c, (a, b) -> new Constraint(metric, Math.max(a.min(), b.min()), Math.min(a.max(), b.max())));
            if (all.min() > all.max()) {
                throw new InvalidInputException(null, path, "no value of " + metric + " keeps " + (all == c ? c.label()
                        : "the constraints on it (" + all.label() + ")") + ": every trial would be infeasible"
                        + (objectives.stream().anyMatch(o -> o.metric().equals(metric)) ? " (" + metric + " is an objective)" : ""));
            }
            constraints.add(c);
        }
        return constraints;
    }

    private static double bound(ObjectNode item, String key, String path, double absent) {
        JsonNode node = item.get(key);
        if (node == null) {
            return absent;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new InvalidInputException(null, path + "." + key, "expected a number, got " + node);
        }
        return node.asDouble();
    }

    private static ObjectNode object(JsonNode node, String path, Set<String> keys) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(null, path, "expected an object, got " + (node == null ? "nothing" : SpaceParser.kind(node)));
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key)) {
                throw new InvalidInputException(null, path + "." + key, "unknown key (expected one of "
                        + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        });
        return (ObjectNode) node;
    }

    private static Objective.Mode mode(ObjectNode parent, String path) {
        try {
            return Objective.Mode.parse(text(parent, "mode", "min", path));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(null, path, e.getMessage());
        }
    }

    private static String text(ObjectNode parent, String key, String fallback, String path) {
        JsonNode node = parent.get(key);
        if (node == null) {
            if (fallback == null) {
                throw new InvalidInputException(null, path, "missing: expected a metric name");
            }
            return fallback;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidInputException(null, path, "expected a non-empty string");
        }
        return node.asText();
    }
}
