package io.sparktune.schedule;

import io.sparktune.core.Config;
import io.sparktune.space.Domain;
import io.sparktune.space.IntRange;
import io.sparktune.space.LogUniform;
import io.sparktune.space.Normal;
import io.sparktune.space.QUniform;
import io.sparktune.space.Space;
import io.sparktune.space.Uniform;

import java.util.Collection;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Population based training's explore step: each parameter it may change is drawn again from its
 * domain with {@code resampleProbability}, else a numeric one is multiplied by 0.8 or 1.2 (kept
 * inside its domain) and a categorical one is kept. The others keep the parent's value: a clone
 * continues its parent's checkpoint, which a changed layer count or width could not load.
 */
final class Exploration {
    private final Space space;
    private final double resampleProbability;
    private final Set<String> mutable;

    Exploration(Space space, double resampleProbability, Collection<String> mutable) {
        this.space = space;
        this.resampleProbability = resampleProbability;
        this.mutable = Set.copyOf(mutable);
    }

    Config around(Config config, SplittableRandom random) {
        double[] unit = space.toUnit(config);
        for (Space.Dimension d : space.dimensions()) {
            int j = d.index();
            Domain domain = d.parameter().domain();
            if (!mutable.contains(d.parameter().name())) {
                continue;
            }
            if (Double.isNaN(unit[j]) || random.nextDouble() < resampleProbability) {
                // Inactive parameters get a value too, in case a resampled choice activates them.
                unit[j] = random.nextDouble();
            } else if (scales(domain)) {
                double scaled = Domain.asDouble(config.get(d.parameter().name())) * (random.nextBoolean() ? 0.8 : 1.2);
                unit[j] = Domain.clampUnit(domain.toUnit(scaled));
            }
        }
        return space.fromUnit(unit);
    }

    private static boolean scales(Domain domain) {
        return domain instanceof Uniform || domain instanceof LogUniform || domain instanceof QUniform
                || domain instanceof IntRange || domain instanceof Normal;
    }
}
