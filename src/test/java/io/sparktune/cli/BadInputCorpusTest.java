package io.sparktune.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file in src/test/resources/bad-spaces is refused as a user should see it: exit 2, one line
 * that starts with the file's name and names the JSON path (or, for broken JSON, the line and
 * column), and nothing written to --out. NAME.expect holds the line after "FILE: " (or its start,
 * when it ends with "..."); INDEX.tsv holds the path it must name. src/test/scripts/bad_spaces.py writes the .json files and the index.
 */
class BadInputCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/bad-spaces");
    private static final Map<String, String> PATHS = index();
    /** Ends an .expect line whose end depends on the classpath, such as the list of trainable types. */
    private static final String OPEN_END = "...";

    @TempDir
    Path tmp;

    static Stream<Path> badSpaces() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /** name -> the path the error names: "line" for a line and column, "$" for the whole file. */
    private static Map<String, String> index() {
        try {
            return Files.readAllLines(CORPUS.resolve("INDEX.tsv"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .collect(Collectors.toMap(f -> f[0], f -> f[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path space) {
        return space.getFileName().toString().replaceFirst("\\.json$", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpaces")
    void isRefusedWithOneLineNamingTheFileAndTheJsonPath(Path space) throws IOException {
        Path out = tmp.resolve("sweep");
        String expected = Files.readString(CORPUS.resolve(name(space) + ".expect"), StandardCharsets.UTF_8).strip();

        CliRun run = CliRun.tune("run", "--space", space.toString(), "--out", out.toString());

        run.assertRefusedCleanly(name(space));
        if (expected.endsWith(OPEN_END)) {
            String start = space + ": " + expected.substring(0, expected.length() - OPEN_END.length());
            assertTrue(run.errLine().startsWith(start), "expected a line starting " + start + "\nbut was " + run.errLine());
        } else {
            assertEquals(space + ": " + expected, run.errLine());
        }
        String path = PATHS.get(name(space));
        String afterFile = run.errLine().substring(space.toString().length() + 2);
        assertTrue(path.equals("line") ? afterFile.matches("line \\d+, column \\d+: .*") : afterFile.startsWith(path + ": "),
                "names " + path + ": " + afterFile);
        assertFalse(Files.exists(out), "nothing written to --out");
    }

    @Test
    void holdsOverTwoHundredFilesEachWithItsExpectedLineAndPath() throws IOException {
        List<String> names = badSpaces().map(BadInputCorpusTest::name).toList();
        assertTrue(names.size() >= 200, names.size() + " files");
        assertEquals(List.of(), names.stream()
                .filter(n -> !Files.exists(CORPUS.resolve(n + ".expect")) || !PATHS.containsKey(n)).toList(),
                "files without a .expect or an INDEX.tsv line");
    }
}
