package io.sparktune.testing;

import io.sparktune.core.Config;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrialContext;

import java.util.Map;

/** Trainables with known behaviour, named by class in test spaces. */
public final class TestTrainables {
    private TestTrainables() {
    }

    /** loss = x, and throws for negative x. */
    public static final class ThrowsWhenNegative implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) {
            double x = config.getDouble("x");
            if (x < 0) {
                throw new IllegalStateException("boom at x=" + x);
            }
            return Map.of("loss", x);
        }
    }

    /** Sleeps {@code sleep} seconds in small steps, then reports loss = x (or 0). */
    public static final class Sleeps implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) throws InterruptedException {
            long until = System.currentTimeMillis() + Math.round(config.getDouble("sleep") * 1000);
            while (System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            return Map.of("loss", config.getDouble("x", 0));
        }
    }

    /** Returns NaN, as a diverged model does. */
    public static final class Diverges implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) {
            return Map.of("loss", Double.NaN);
        }
    }
}
