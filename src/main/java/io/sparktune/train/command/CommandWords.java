package io.sparktune.train.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line such as {@code python3 "my dir/train.py" --fast} into argv words with a
 * POSIX shell's quoting (single quotes, double quotes, backslash), and nothing else of a shell: no
 * variables, globs or substitutions, and no shell is ever started.
 */
public final class CommandWords {
    private CommandWords() {
    }

    /** The words, or an IllegalArgumentException saying what is wrong with the quoting. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\') {
                if (++i == line.length()) {
                    throw new IllegalArgumentException("ends with a lone backslash");
                }
                char next = line.charAt(i);
                // Inside double quotes a backslash only escapes what the shell would treat specially there.
                if (quote == '"' && "\"\\$`".indexOf(next) < 0) {
                    word.append(c);
                }
                word.append(next);
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + (quote == '"' ? "double" : "single") + " quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
