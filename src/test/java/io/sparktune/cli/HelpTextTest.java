package io.sparktune.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user reads in {@code --help}: the words as written, whole sentences, examples unbroken. */
class HelpTextTest {
    private static final List<String> COMMANDS = List.of("run", "compare", "report", "export", "best", "status");

    @Test
    void runHelpShowsTheCommandPlaceholderAsWritten() {
        CliRun help = CliRun.tune("run", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("or ${NAME} in LINE"),
                "--command's help should name the ${NAME} placeholder, not what picocli substitutes for it:\n" + help.out());
    }

    @Test
    void topLevelHelpListsEachCommandWithAWholeSentence() {
        String listing = CliRun.tune("--help").out();
        String commands = listing.substring(listing.indexOf("Commands:"), listing.indexOf("Exit codes:"));
        for (String command : COMMANDS) {
            String entry = commands.substring(commands.indexOf("  " + command + " ")).split("\n  \\S")[0].strip();
            assertTrue(entry.endsWith("."), "'tune --help' should summarise '" + command + "' in a whole sentence, got: " + entry);
        }
    }

    @Test
    void examplesAndSpecsInHelpAreNeverBrokenMidWord() {
        String run = CliRun.tune("run", "--help").out();
        for (String unbroken : List.of("--param layers=[1,2,3]", "--param x=linspace[-2:2:9]", "linspace[a:b:n]", "normal[mu:sigma]")) {
            assertTrue(run.contains(unbroken), "tune run --help should show '" + unbroken + "' on one line:\n" + run);
        }
        String compare = CliRun.tune("compare", "--help").out();
        assertTrue(compare.contains("--columns params,loss,host"), "tune compare --help's example on one line:\n" + compare);
    }
}
