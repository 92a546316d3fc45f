package io.sparktune.cli;

import io.sparktune.api.ExitCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutates the valid spaces (conf/spaces and src/test/resources/good-spaces) at random from a fixed
 * seed: characters deleted or inserted, files cut short, values of the wrong type, numbers made
 * negative, zero, huge or text, keys dropped, duplicated or invented. Whatever comes out, a dry run
 * either accepts it or refuses it with exit 2 and one clean line; never an internal error, a stack
 * trace or a hang.
 */
class SpaceFuzzTest {
    private static final long SEED = 20240817L;
    private static final int CASES = 300;
    private static final Duration PER_CASE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for a number Jackson's tree cannot hold (beyond a double or a long); replaced in the text. */
    private static final String RAW = "@raw@";
    private static final List<String> RAW_NUMBERS = List.of("1e400", "-1e400", "99999999999999999999", "1e-400", "-0");
    private static final List<JsonNode> ODD_VALUES = List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.textNode("text"),
            NODES.textNode(""), NODES.numberNode(42), NODES.arrayNode(), NODES.objectNode(), NODES.arrayNode().add(1).add(2),
            NODES.objectNode().put("a", 1));
    private static final String INSERTED = "{}[]\":,.-+0123456789elx \n";

    @TempDir
    Path tmp;

    record Seed(String name, String text) {
    }

    private static List<Path> seedFiles() throws IOException {
        List<Path> seeds = new ArrayList<>();
        for (Path dir : List.of(Path.of("conf/spaces"), Path.of("src/test/resources/good-spaces"))) {
            try (Stream<Path> files = Files.list(dir)) {
                seeds.addAll(files.filter(p -> p.toString().endsWith(".json")).sorted().toList());
            }
        }
        return seeds;
    }

    /** Mutants of an invalid seed would prove little; this also loads Hadoop and Jackson outside the time limit. */
    @BeforeAll
    static void everySeedIsAccepted() throws IOException {
        for (Path seed : seedFiles()) {
            CliRun run = CliRun.tune("run", "--space", seed.toString(), "--dry-run");
            assertEquals(0, run.exit(), seed + ": " + run.err());
        }
    }

    static Stream<Arguments> mutants() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        for (Path f : seedFiles()) {
            seeds.add(new Seed(f.getFileName().toString(), Files.readString(f)));
        }
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Seed seed = seeds.get(random.nextInt(seeds.size()));
            StringBuilder what = new StringBuilder(i + ": " + seed.name() + ", ");
            String text = mutate(seed.text(), random, what);
            cases.add(Arguments.of(what.toString(), text));
        }
        return cases.stream();
    }

    private static String mutate(String text, Random random, StringBuilder what) {
        int at = random.nextInt(text.length());
        return switch (random.nextInt(9)) {
            case 0 -> {
                what.append("delete character ").append(at);
                yield text.substring(0, at) + text.substring(at + 1);
            }
            case 1 -> {
                what.append("truncate at ").append(at);
                yield text.substring(0, at);
            }
            case 2 -> {
                char c = INSERTED.charAt(random.nextInt(INSERTED.length()));
                what.append("insert '").append(c).append("' at ").append(at);
                yield text.substring(0, at) + c + text.substring(at);
            }
            default -> mutateTree(text, random, what);
        };
    }

    /** One change to the parsed document; {@code what} says which, and where. */
    private static String mutateTree(String text, Random random, StringBuilder what) {
        ObjectNode root = (ObjectNode) read(text);
        List<Slot> slots = new ArrayList<>();
        collect(root, "", slots);
        int operation = random.nextInt(6);
        List<Slot> numbers = slots.stream().filter(s -> s.value().isNumber()).toList();
        List<Slot> candidates = operation == 1 && !numbers.isEmpty() ? numbers : slots;
        Slot slot = candidates.get(random.nextInt(candidates.size()));
        what.append(slot.path()).append(": ");
        switch (operation) {
            case 0 -> {
                JsonNode value = ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
                what.append("replace with ").append(value);
                slot.set(value);
            }
            case 1 -> {
                JsonNode value = oddNumber(slot.value(), random);
                slot.set(value);
                if (value.isTextual() && value.asText().equals(RAW)) {
                    String raw = RAW_NUMBERS.get(random.nextInt(RAW_NUMBERS.size()));
                    what.append("replace number with ").append(raw);
                    return write(root).replace("\"" + RAW + "\"", raw);
                }
                what.append("replace number with ").append(value);
            }
            case 2 -> {
                what.append("drop it");
                slot.remove();
            }
            case 3 -> {
                ObjectNode parent = slot.parent() instanceof ObjectNode o ? o : root;
                String key = List.of("colour", "seed", "type", "params", "value", "maxTrials", "x").get(random.nextInt(7)) + (random.nextBoolean() ? "" : "2");
                what.append("add key ").append(key).append(" beside it");
                parent.put(key, 1);
            }
            case 4 -> {
                if (slot.value().isTextual()) {
                    String s = slot.value().asText();
                    String changed = s.isEmpty() ? ":" : List.of(s.substring(1), s.substring(0, s.length() - 1), s + ":", s.replaceFirst("\\d", "-"),
                            s.replace(':', ','), s.replace('[', '(')).get(random.nextInt(6));
                    what.append("change text to ").append(changed);
                    slot.set(NODES.textNode(changed));
                } else {
                    what.append("make it text");
                    slot.set(NODES.textNode(slot.value().toString()));
                }
            }
            default -> {
                if (slot.parent() instanceof ObjectNode && slot.key() != null) {
                    what.append("duplicate the key");
                    String json = write(root);
                    String member = "\"" + slot.key() + "\" : ";
                    int index = json.indexOf(member);
                    return index < 0 ? json : json.substring(0, index) + member + "0, " + json.substring(index);
                }
                what.append("duplicate the element");
                ((ArrayNode) slot.parent()).add(slot.value().deepCopy());
            }
        }
        return write(root);
    }

    private static JsonNode oddNumber(JsonNode number, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(-number.asDouble());
            case 1 -> NODES.numberNode(0);
            case 2 -> NODES.numberNode(1e308);
            case 3 -> NODES.numberNode(Long.MAX_VALUE);
            case 4 -> NODES.numberNode(0.5);
            case 5 -> NODES.textNode(number.asText());
            default -> NODES.textNode(RAW);
        };
    }

    /** Where a value sits: in an object under {@code key}, or in an array at {@code index}. */
    record Slot(JsonNode parent, String key, int index, String path, JsonNode value) {
        void set(JsonNode replacement) {
            if (parent instanceof ObjectNode o) {
                o.set(key, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, String path, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(key -> {
                String p = path.isEmpty() ? key : path + "." + key;
                out.add(new Slot(o, key, -1, p, o.get(key)));
                collect(o.get(key), p, out);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i, path + "[" + i + "]", a.get(i)));
                collect(a.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a seed space is not valid JSON", e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void isAcceptedOrRefusedWithOneCleanLine(String mutation, String text) throws IOException {
        Path space = Files.writeString(tmp.resolve("space.json"), text);
        Path out = tmp.resolve("sweep");

        CliRun run = assertTimeoutPreemptively(PER_CASE,
                () -> CliRun.tune("run", "--space", space.toString(), "--out", out.toString(), "--dry-run"), mutation);

        if (run.exit() == ExitCode.BAD_INPUT.code()) {
            run.assertRefusedCleanly(mutation);
            assertTrue(run.errLine().startsWith(space + ": "), "names the file: " + run.errLine());
        } else if (run.exit() != 0) {
            fail(mutation + ": exit " + run.exit() + ", expected 0 or 2\n" + run.err() + "\nspace:\n" + text);
        }
        assertFalse(Files.exists(out), "a dry run writes nothing");
    }
}
