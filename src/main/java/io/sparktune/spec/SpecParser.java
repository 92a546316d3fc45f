package io.sparktune.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Durations;
import io.sparktune.core.Goals;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Messages;
import io.sparktune.core.PluginSpec;
import io.sparktune.core.Resources;
import io.sparktune.schedule.SchedulerSpec;
import io.sparktune.schedule.Schedulers;
import io.sparktune.search.SearcherSpec;
import io.sparktune.search.Searchers;
import io.sparktune.space.Space;
import io.sparktune.space.SpaceParser;
import io.sparktune.train.TrainableSpec;
import io.sparktune.train.Trainables;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a space file and command-line overrides into a validated {@link SweepSpec}: the one place
 * where JSON becomes types. Every error is an {@link InvalidInputException} naming the file (or the
 * flag) and the JSON path.
 */
public final class SpecParser {
    /** Larger grids need an explicit maxTrials: a typo should not start a sweep that never ends. */
    static final BigInteger MAX_IMPLICIT_GRID = BigInteger.valueOf(100_000_000L);
    private static final Set<String> TOP_LEVEL =
            Set.of("name", "metric", "mode", "objectives", "constraints", "params", "trainable", "searcher", "scheduler", "budget", "resources", "description");
    private static final Set<String> BUDGET_KEYS =
            Set.of("maxTrials", "parallelism", "timeBudget", "trialTimeout", "trialsPerTask");
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** The path of the whole file, as JSONPath writes it. */
    static final String ROOT = "$";
    /** Strict JSON; messages leave the file's text out, or a parse error would print the whole file. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SpecParser() {
    }

    /**
     * @param source  the file name for messages, or a label such as "--command" when there is no file
     * @param json    the file's text ("{}" when the sweep is all flags)
     * @param fallbackName the sweep's name when the file gives none
     */
    public static SweepSpec parse(String source, String json, String fallbackName, Overrides overrides) {
        ObjectNode root = read(source, json);
        Map<String, Overrides.Override> madeByFlags = apply(root, overrides);
        try {
            return parse(root, fallbackName);
        } catch (InvalidInputException e) {
            // In an object the file never had, such as the trainable.data of --data-dir or the scheduler of --scheduler,
            // the flag put it there.
            for (Map.Entry<String, Overrides.Override> made : madeByFlags.entrySet()) {
                if (within(e.path(), made.getKey())) {
                    throw e.in(made.getValue().flag());
                }
            }
            for (Overrides.Override o : overrides.all()) {
                if (within(e.path(), String.join(".", o.path()))) {
                    throw e.in(o.flag());
                }
            }
            throw e.in(source);
        }
    }

    /** Whether the JSON path {@code path} is {@code parent} or lies under it. */
    private static boolean within(String path, String parent) {
        return path != null && (path.equals(parent) || path.startsWith(parent + ".") || path.startsWith(parent + "["));
    }

    private static ObjectNode read(String source, String text) {
        // Windows editors start UTF-8 files with a byte order mark; JSON lets a reader skip it.
        String json = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        JsonNode node;
        try (JsonParser parser = JSON.createParser(json)) {
            try {
                node = JSON.readTree(parser);
            } catch (JsonProcessingException e) {
                // Limits such as the nesting depth fail with no location of their own: the parser knows where it stopped.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new InvalidInputException(source, "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                        "malformed JSON: " + Messages.firstLine(e instanceof MismatchedInputException
                                ? "more content after the top-level object" : e.getOriginalMessage()));
            }
        } catch (IOException e) {
            throw new InvalidInputException(source, ROOT, "cannot read: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidInputException(source, ROOT, "the file is empty");
        }
        if (!node.isObject()) {
            throw new InvalidInputException(source, ROOT, "expected a JSON object at the top level, got " + SpaceParser.kind(node));
        }
        return (ObjectNode) node;
    }

    /** Sets each override in the spec; returns the JSON path of every object an override had to make, and which made it. */
    private static Map<String, Overrides.Override> apply(ObjectNode root, Overrides overrides) {
        Map<String, Overrides.Override> made = new LinkedHashMap<>();
        for (Overrides.Override o : overrides.all()) {
            ObjectNode parent = root;
            List<String> path = o.path();
            for (int i = 0; i < path.size() - 1; i++) {
                JsonNode child = parent.get(path.get(i));
                if (child == null || !child.isObject()) {
                    ObjectNode created = parent.objectNode();
                    if (child == null) {
                        made.putIfAbsent(String.join(".", path.subList(0, i + 1)), o);
                    } else if (child.isTextual() && i == 0) {
                        created.put("type", child.asText());
                    }
                    parent.set(path.get(i), created);
                    child = created;
                }
                parent = (ObjectNode) child;
            }
            if (o.value() == Overrides.REMOVED) {
                parent.remove(path.get(path.size() - 1));
            } else {
                parent.set(path.get(path.size() - 1), valueNode(o));
            }
        }
        return made;
    }

    private static JsonNode valueNode(Overrides.Override o) {
        if (o.value() instanceof String text && text.trim().startsWith("{") && "params".equals(o.path().get(0))) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException(o.flag(), "", "malformed JSON: " + Messages.firstLine(e.getOriginalMessage()));
            }
        }
        return JSON.valueToTree(o.value());
    }

    private static SweepSpec parse(ObjectNode root, String fallbackName) {
        Iterator<String> keys = root.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!TOP_LEVEL.contains(key)) {
                throw new InvalidInputException(null, key, "unknown key (expected one of " + String.join(", ", TOP_LEVEL.stream().sorted().toList()) + ")");
            }
        }
        String name = text(root, "name", fallbackName);
        Goals goals = GoalsParser.parse(root);
        if (!root.has("params")) {
            throw new InvalidInputException(null, "params", "missing: a space needs parameters");
        }
        Space space = SpaceParser.parse(root.get("params"), "params");

        TrainableSpec trainable = Trainables.validate(plugin(root, "trainable", null), space, "trainable");
        GoalsParser.checkReported(goals, root, trainable);

        PluginSpec searcherWithSeed = plugin(root, "searcher", Searchers.defaultFor(space));
        Map<String, Object> searcherOptions = new LinkedHashMap<>(searcherWithSeed.options());
        OptionalLong seed = OptionalLong.empty();
        if (searcherOptions.containsKey("seed")) {
            Object seedValue = searcherOptions.remove("seed");
            if (!(seedValue instanceof Long s)) {
                throw new InvalidInputException(null, "searcher.seed", "expected a whole number, got " + PluginSpec.show(seedValue));
            }
            seed = OptionalLong.of(s);
        }
        SearcherSpec searcher = Searchers.validate(new PluginSpec(searcherWithSeed.type(), searcherOptions), space, "searcher");
        Searchers.checkGoals(searcher, goals, "searcher");

        PluginSpec schedulerPlugin = plugin(root, "scheduler", "fifo");
        SchedulerSpec scheduler = Schedulers.validate(schedulerPlugin, "scheduler", space);
        if (scheduler.pausesTrials() && !trainable.resumesPausedTrials()) {
            throw new InvalidInputException(null, "scheduler.type", schedulerPlugin.type()
                    + " pauses trials and resumes them later from checkpoints, which this trainable does not keep"
                    + " (each of its steps is a fit of its own): use asha or median");
        }

        Budget budget = budget(root.get("budget"));
        if (searcher == SearcherSpec.Optionless.GRID && budget.maxTrials() == null && space.gridSize().compareTo(MAX_IMPLICIT_GRID) > 0) {
            throw new InvalidInputException(null, "params", "the grid has " + space.gridSize()
                    + " points; set budget.maxTrials (or --max-trials) to run part of it");
        }
        Resources resources = resources(root.get("resources"));

        ObjectNode identity = root.deepCopy();
        identity.remove(List.of("budget", "description"));
        if (identity.get("searcher") instanceof ObjectNode s) {
            s.remove("seed");
        }
        return new SweepSpec(name, goals, space, trainable, searcher, scheduler, budget, resources,
                seed, identity.toString());
    }

    private static String text(ObjectNode root, String key, String fallback) {
        JsonNode node = root.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidInputException(null, key, "expected a non-empty string");
        }
        return node.asText();
    }

    /** A plugin as an object with a type, or just its type as a string. */
    private static PluginSpec plugin(ObjectNode root, String key, String defaultType) {
        JsonNode node = root.get(key);
        if (node == null) {
            if (defaultType == null) {
                throw new InvalidInputException(null, key, "missing: say what to train, e.g. {\"type\": \"function\", \"function\": \"branin\"}");
            }
            return PluginSpec.of(defaultType);
        }
        if (node.isTextual()) {
            return PluginSpec.of(node.asText());
        }
        if (!node.isObject()) {
            throw new InvalidInputException(null, key, "expected an object with a \"type\"");
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null && defaultType == null) {
            throw new InvalidInputException(null, key + ".type", "missing: expected a string");
        }
        if (typeNode != null && !typeNode.isTextual()) {
            throw new InvalidInputException(null, key + ".type", "expected a string, got " + SpaceParser.kind(typeNode));
        }
        String type = typeNode == null ? defaultType : typeNode.asText();
        Map<String, Object> options = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("type")) {
                options.put(f.getKey(), plain(f.getValue()));
            }
        });
        return new PluginSpec(type, options);
    }

    /** JSON as plain serializable Java values: Map, List, String, Long, Double, Boolean. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> map.put(f.getKey(), plain(f.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isNull() ? null : node.asText();
    }

    private static Budget budget(JsonNode node) {
        if (node == null) {
            return new Budget(null, null, null, null, null);
        }
        if (!node.isObject()) {
            throw new InvalidInputException(null, "budget", "expected an object");
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!BUDGET_KEYS.contains(key)) {
                throw new InvalidInputException(null, "budget." + key, "unknown key (expected one of "
                        + String.join(", ", BUDGET_KEYS.stream().sorted().toList()) + ")");
            }
        });
        return new Budget(positiveInt(node, "maxTrials"), positiveInt(node, "parallelism"),
                duration(node, "timeBudget"), duration(node, "trialTimeout"), positiveInt(node, "trialsPerTask"));
    }

    private static Integer positiveInt(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInputException(null, "budget." + key, "expected a whole number, got " + node);
        }
        if (node.asInt() < 1) {
            throw new InvalidInputException(null, "budget." + key, "must be >= 1, got " + node.asInt());
        }
        return node.asInt();
    }

    private static Duration duration(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return Durations.ofSeconds(node.asDouble(), node + " seconds");
            }
            if (node.isTextual()) {
                return Durations.parse(node.asText());
            }
            throw new IllegalArgumentException("expected a duration such as \"30m\", got " + node);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(null, "budget." + key, e.getMessage());
        }
    }

    private static Resources resources(JsonNode node) {
        if (node == null) {
            return Resources.DEFAULT;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(null, "resources", "expected an object such as {\"cpus\": 1, \"gpus\": 0}");
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!key.equals("cpus") && !key.equals("gpus")) {
                throw new InvalidInputException(null, "resources." + key, "unknown key (expected cpus, gpus)");
            }
        });
        JsonNode cpus = node.get("cpus");
        JsonNode gpus = node.get("gpus");
        if (cpus != null && (!cpus.isIntegralNumber() || !cpus.canConvertToInt() || cpus.asInt() < 1)) {
            throw new InvalidInputException(null, "resources.cpus", "expected a whole number >= 1, got " + cpus);
        }
        if (gpus != null && (!gpus.isNumber() || gpus.asDouble() < 0)) {
            throw new InvalidInputException(null, "resources.gpus", "expected a number >= 0, got " + gpus);
        }
        if (gpus != null && !Double.isFinite(gpus.asDouble())) {
            throw new InvalidInputException(null, "resources.gpus", "number out of range");
        }
        // Spark's own rule for a task's share of a resource; it would fail the job only when it starts.
        if (gpus != null && gpus.asDouble() > 0.5 && gpus.asDouble() % 1 != 0) {
            throw new InvalidInputException(null, "resources.gpus", "a share of a GPU must be at most 0.5, or a whole number, got " + gpus);
        }
        return new Resources(cpus == null ? 1 : cpus.asInt(), gpus == null ? 0 : gpus.asDouble());
    }
}
