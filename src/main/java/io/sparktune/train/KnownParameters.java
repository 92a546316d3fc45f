package io.sparktune.train;

import io.sparktune.core.InvalidInputException;
import io.sparktune.space.Domain;
import io.sparktune.space.IntRange;
import io.sparktune.space.LogUniform;
import io.sparktune.space.Normal;
import io.sparktune.space.QUniform;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;

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
 * @param whole     the parameters it takes as whole numbers only, refusing a fraction in every trial
 */
public record KnownParameters(String trainable, Set<String> names, Map<String, List<String>> words, Set<String> whole) {

    public void check(Space space) {
        for (Space.Dimension dimension : space.dimensions()) {
            Parameter p = dimension.parameter();
            String path = "params." + dimension.key().replace("/", ".");
            if (!names.contains(p.name())) {
                throw new InvalidInputException(null, path, "unknown hyperparameter for trainable '" + trainable
                        + "' (known: " + String.join(", ", names.stream().sorted().toList()) + ")");
            }
            if (whole.contains(p.name()) && !drawsWholeNumbers(p.domain())) {
                throw new InvalidInputException(null, path, p.name() + " takes whole numbers, and this domain draws fractions "
                        + "(use randint[a:b], a quniform with a whole q, or a list of whole numbers)");
            }
            List<String> allowed = words.get(p.name());
            if (allowed != null) {
                for (Object value : p.domain().gridValues()) {
                    if (!allowed.contains(String.valueOf(value))) {
                        throw new InvalidInputException(null, path, "unknown " + p.name() + " '" + value + "' (expected one of "
                                + String.join(", ", allowed) + ")");
                    }
                }
            }
        }
    }

    private static boolean drawsWholeNumbers(Domain domain) {
        if (domain instanceof IntRange) {
            return true;
        }
        if (domain instanceof QUniform q) {
            return isWhole(q.low()) && isWhole(q.high()) && isWhole(q.q());
        }
        if (domain instanceof Uniform || domain instanceof LogUniform || domain instanceof Normal) {
            return false;
        }
        return domain.gridValues().stream().allMatch(KnownParameters::isWhole);
    }

    private static boolean isWhole(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue());
    }
}
