package io.sparktune.space;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.core.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code params} object of a space file into parameters. Each error names the JSON path
 * ({@code params.lr.loguniform}); the caller adds the file name.
 */
public final class SpaceParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final List<String> DOMAIN_KEYS =
            List.of("uniform", "loguniform", "quniform", "randint", "lograndint", "normal", "choice", "grid");

    private SpaceParser() {
    }

    public static Space parse(JsonNode params, String path) {
        List<Parameter> parsed = parameters(params, path);
        if (parsed.isEmpty()) {
            throw new InvalidInputException(null, path, "a space needs at least one parameter");
        }
        Space space = new Space(parsed);
        checkUniqueNames(parsed, new HashSet<>(), path);
        return space;
    }

    /** One parameter from a JSON value: an object domain, a shorthand string, or a fixed value. */
    public static Parameter parameter(String name, JsonNode node, String path) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(null, path,
                    "parameter name '" + name + "' must start with a letter or '_' and use letters, digits, '_', '.', '-'");
        }
        return new Parameter(name, domain(node, path));
    }

    private static List<Parameter> parameters(JsonNode params, String path) {
        if (params == null || !params.isObject()) {
            throw new InvalidInputException(null, path, "expected an object of parameters");
        }
        List<Parameter> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.add(parameter(field.getKey(), field.getValue(), path + "." + field.getKey()));
        }
        return out;
    }

    private static Domain domain(JsonNode node, String path) {
        if (node.isTextual()) {
            return Shorthand.parse(node.asText(), path);
        }
        if (node.isNumber() || node.isBoolean()) {
            return new Fixed(scalar(node, path));
        }
        if (node.isArray()) {
            return new GridList(values(node, path));
        }
        if (!node.isObject() || node.size() != 1) {
            throw new InvalidInputException(null, path,
                    "expected a value, a shorthand string or an object with one of " + DOMAIN_KEYS);
        }
        String key = node.fieldNames().next();
        JsonNode args = node.get(key);
        String argPath = path + "." + key;
        return switch (key) {
            case "uniform" -> {
                double[] ab = numbers(args, 2, argPath);
                yield Domains.uniform(ab[0], ab[1], argPath);
            }
            case "loguniform" -> {
                double[] ab = numbers(args, 2, argPath);
                yield Domains.logUniform(ab[0], ab[1], argPath);
            }
            case "quniform" -> {
                double[] abq = numbers(args, 3, argPath);
                yield Domains.quniform(abq[0], abq[1], abq[2], argPath);
            }
            case "randint", "lograndint" -> {
                long[] ab = integers(args, argPath);
                yield Domains.intRange(ab[0], ab[1], key.equals("lograndint"), argPath);
            }
            case "normal" -> {
                double[] ms = numbers(args, 2, argPath);
                yield Domains.normal(ms[0], ms[1], argPath);
            }
            case "grid" -> new GridList(values(args, argPath));
            case "choice" -> choice(args, argPath);
            default -> throw new InvalidInputException(null, path,
                    "unknown domain '" + key + "' (expected one of " + String.join(", ", DOMAIN_KEYS) + ")");
        };
    }

    private static Choice choice(JsonNode args, String path) {
        if (!args.isArray() || args.isEmpty()) {
            throw new InvalidInputException(null, path, "expected a non-empty array of options");
        }
        List<Choice.Option> options = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            JsonNode item = args.get(i);
            String itemPath = path + "[" + i + "]";
            Choice.Option option;
            if (item.isObject()) {
                option = conditionalOption(item, itemPath);
            } else {
                option = new Choice.Option(scalar(item, itemPath), List.of());
            }
            if (!seen.add(option.value())) {
                throw new InvalidInputException(null, itemPath, "option " + option.value() + " appears twice");
            }
            options.add(option);
        }
        return new Choice(options);
    }

    private static Choice.Option conditionalOption(JsonNode item, String path) {
        Iterator<String> names = item.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("value") && !name.equals("params")) {
                throw new InvalidInputException(null, path + "." + name, "unknown key (an option has 'value' and 'params')");
            }
        }
        JsonNode value = item.get("value");
        if (value == null) {
            throw new InvalidInputException(null, path, "a choice option needs a 'value'");
        }
        JsonNode params = item.get("params");
        List<Parameter> sub = params == null ? List.of() : parameters(params, path + ".params");
        return new Choice.Option(scalar(value, path + ".value"), sub);
    }

    private static List<Object> values(JsonNode args, String path) {
        if (!args.isArray() || args.isEmpty()) {
            throw new InvalidInputException(null, path, "expected a non-empty array of values");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Object value = scalar(args.get(i), path + "[" + i + "]");
            if (values.contains(value)) {
                throw new InvalidInputException(null, path + "[" + i + "]", "value " + value + " appears twice");
            }
            values.add(value);
        }
        return values;
    }

    /** A JSON scalar as a config value: whole numbers as Long, other numbers as Double. */
    static Object scalar(JsonNode node, String path) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            double value = node.asDouble();
            if (!Double.isFinite(value)) {
                throw new InvalidInputException(null, path, "number out of range");
            }
            return value;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        throw new InvalidInputException(null, path, "expected a number, a string or a boolean, got " + kind(node));
    }

    private static double[] numbers(JsonNode args, int expected, String path) {
        if (!args.isArray() || args.size() != expected) {
            throw new InvalidInputException(null, path, "expected an array of " + expected + " numbers");
        }
        double[] out = new double[expected];
        for (int i = 0; i < expected; i++) {
            if (!args.get(i).isNumber()) {
                throw new InvalidInputException(null, path + "[" + i + "]", "expected a number, got " + kind(args.get(i)));
            }
            out[i] = args.get(i).asDouble();
        }
        return out;
    }

    private static long[] integers(JsonNode args, String path) {
        if (!args.isArray() || args.size() != 2) {
            throw new InvalidInputException(null, path, "expected an array of 2 whole numbers");
        }
        long[] out = new long[2];
        for (int i = 0; i < 2; i++) {
            JsonNode n = args.get(i);
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw new InvalidInputException(null, path + "[" + i + "]", "expected a whole number, got " + kind(n));
            }
            out[i] = n.asLong();
        }
        return out;
    }

    /** How a message shows a JSON value that has the wrong type: scalars as written, containers by kind. */
    public static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "\"" + node.asText() + "\"";
        }
        if (node.isNumber() || node.isBoolean() || node.isNull()) {
            return node.toString();
        }
        return node.isArray() ? "an array" : "an object";
    }

    /** Parameters active together must have distinct names, or a config could not tell them apart. */
    private static void checkUniqueNames(List<Parameter> params, Set<String> inScope, String path) {
        Set<String> here = new HashSet<>(inScope);
        for (Parameter p : params) {
            if (!here.add(p.name())) {
                throw new InvalidInputException(null, path + "." + p.name(),
                        "duplicate parameter name '" + p.name() + "' (a conditional parameter repeats an outer one)");
            }
        }
        for (Parameter p : params) {
            if (p.domain() instanceof Choice choice) {
                for (int i = 0; i < choice.options().size(); i++) {
                    checkUniqueNames(choice.options().get(i).params(), here,
                            path + "." + p.name() + ".choice[" + i + "].params");
                }
            }
        }
    }
}
