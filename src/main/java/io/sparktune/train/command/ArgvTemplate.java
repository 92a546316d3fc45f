package io.sparktune.train.command;

import io.sparktune.core.Config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's argv with {@code ${name}} placeholders. Each parameter value becomes part of one argv
 * word, so a value is never split, globbed or run, whatever characters it holds. A template with no
 * placeholder gets every parameter appended as {@code --name value}, as Guild passes flags.
 */
record ArgvTemplate(List<String> words) implements Serializable {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    ArgvTemplate {
        words = List.copyOf(words);
    }

    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (String word : words) {
            Matcher m = PLACEHOLDER.matcher(word);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * @param literal applied to the template's own words that hold no placeholder (to find the
     *                program's files), never to a parameter value
     */
    List<String> argv(Config config, UnaryOperator<String> literal) {
        boolean placeholders = !placeholders().isEmpty();
        List<String> argv = new ArrayList<>();
        for (String word : words) {
            Matcher m = PLACEHOLDER.matcher(word);
            if (!m.find()) {
                argv.add(literal.apply(word));
                continue;
            }
            StringBuilder filled = new StringBuilder();
            do {
                m.appendReplacement(filled, Matcher.quoteReplacement(String.valueOf(config.get(m.group(1)))));
            } while (m.find());
            m.appendTail(filled);
            argv.add(filled.toString());
        }
        if (!placeholders) {
            config.values().forEach((name, value) -> {
                argv.add("--" + name);
                argv.add(String.valueOf(value));
            });
        }
        return argv;
    }
}
