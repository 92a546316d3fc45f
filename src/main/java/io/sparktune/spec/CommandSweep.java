package io.sparktune.spec;

import io.sparktune.core.InvalidInputException;
import io.sparktune.train.command.CommandWords;

import java.nio.file.Path;
import java.util.List;

/**
 * A sweep with no space file ({@code tune run --command LINE}): the {@code command} trainable runs
 * LINE, the flags give everything else, and the sweep is named for the program's script.
 */
public final class CommandSweep {
    private static final String FLAG = "--command";

    private CommandSweep() {
    }

    public static SweepSpec parse(String commandLine, Overrides flags) {
        List<String> words = words(commandLine);
        return SpecParser.parse(FLAG, "{}", name(words), new Overrides().command(words).then(flags));
    }

    private static List<String> words(String commandLine) {
        try {
            List<String> words = CommandWords.split(commandLine);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("no program given");
            }
            return words;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FLAG, "", e.getMessage());
        }
    }

    /** "python3 examples/train.py --fast" is the sweep "train": its script, or its program when it has no script. */
    private static String name(List<String> words) {
        String named = words.stream().skip(1).filter(w -> !w.startsWith("-")).findFirst().orElse(words.get(0));
        Path file = Path.of(named).getFileName();
        return file == null ? "command" : file.toString().replaceFirst("\\.[^.]*$", "");
    }
}
