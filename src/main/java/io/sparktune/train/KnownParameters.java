package io.sparktune.train;

import io.sparktune.core.InvalidInputException;
import io.sparktune.space.Choice;
import io.sparktune.space.Fixed;
import io.sparktune.space.GridList;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hyperparameters a built-in trainable reads, checked against a space when the spec is read: a
 * name it would ignore is almost always a typo, and a word it does not know (an optimizer, a grow
 * policy) would fail every trial that draws it.
 *
 * @param trainable the trainable's type, for messages
 * @param names     every name it reads
 * @param words     for parameters whose values are words, the words it knows
 */
public record KnownParameters(String trainable, Set<String> names, Map<String, List<String>> words) {

    public void check(Space space) {
        for (Space.Dimension dimension : space.dimensions()) {
            Parameter p = dimension.parameter();
            String path = "params." + dimension.key().replace("/", ".");
            if (!names.contains(p.name())) {
                throw new InvalidInputException(null, path, "unknown hyperparameter for trainable '" + trainable
                        + "' (known: " + String.join(", ", names.stream().sorted().toList()) + ")");
            }
            List<String> allowed = words.get(p.name());
            if (allowed != null) {
                for (Object value : values(p)) {
                    if (!allowed.contains(String.valueOf(value))) {
                        throw new InvalidInputException(null, path, "unknown " + p.name() + " '" + value + "' (expected one of "
                                + String.join(", ", allowed) + ")");
                    }
                }
            }
        }
    }

    private static List<Object> values(Parameter p) {
        if (p.domain() instanceof Choice choice) {
            return choice.options().stream().map(Choice.Option::value).toList();
        }
        if (p.domain() instanceof GridList list) {
            return list.values();
        }
        if (p.domain() instanceof Fixed fixed) {
            return List.of(fixed.value());
        }
        return List.of();
    }
}
