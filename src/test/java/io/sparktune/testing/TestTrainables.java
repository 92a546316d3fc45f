package io.sparktune.testing;

import io.sparktune.core.Config;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrialContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * loss = x; throws for negative x while the file named by the config's {@code failWhile} exists, so a
     * test can make trials fail, delete the file, and see them succeed when they run again.
     */
    public static final class FailsWhileMarked implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) {
            double x = config.getDouble("x");
            if (x < 0 && Files.exists(Path.of(config.getString("failWhile")))) {
                throw new IllegalStateException("marked to fail at x=" + x);
            }
            return Map.of("loss", x);
        }
    }

    /**
     * Writes its config to {@code <markers>/<trial id>} as it starts, then reports loss = x; the first
     * attempt of trial {@code hangAt} then hangs for two minutes, so a test can kill the driver while
     * that trial runs and know which config it ran with.
     */
    public static final class MarksAndHangs implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) throws IOException, InterruptedException {
            Path marker = Path.of(config.getString("markers"), String.valueOf(context.trialId()));
            boolean firstAttempt = !Files.exists(marker);
            Path partial = Files.createTempFile(marker.getParent(), ".marker", "");
            Files.writeString(partial, config.toString());
            Files.move(partial, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (firstAttempt && context.trialId() == config.getLong("hangAt")) {
                Thread.sleep(120_000);
            }
            return Map.of("loss", config.getDouble("x"));
        }
    }

    /**
     * Cannot be made while the system property {@link #REFUSE} is set, as on an executor without the
     * class or the data it needs; otherwise loss = x.
     */
    public static final class MadeOnlyWhenAllowed implements Trainable {
        public static final String REFUSE = "sparktune.test.refuseTrainable";

        public MadeOnlyWhenAllowed() {
            if (System.getProperty(REFUSE) != null) {
                throw new IllegalStateException("this executor cannot make the trainable");
            }
        }

        @Override
        public Map<String, Double> train(Config config, TrialContext context) {
            return Map.of("loss", config.getDouble("x"));
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

    /**
     * Overfits: loss = x + step over 9 steps, so every trial gets worse as it trains and one stopped
     * early ends with a lower loss than any trained to the end. Saves {@code model.txt} (its trial id)
     * once it has trained all 9 steps.
     */
    public static final class Overfits implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) throws IOException {
            double x = config.getDouble("x");
            for (int step = 1; step <= 9; step++) {
                if (!context.report(step, Map.of("loss", x + step))) {
                    return Map.of("loss", x + step);
                }
            }
            context.saveModelFile("model.txt", out -> out.write(String.valueOf(context.trialId()).getBytes(StandardCharsets.UTF_8)));
            return Map.of("loss", x + 9);
        }
    }

    /** Returns NaN, as a diverged model does. */
    public static final class Diverges implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) {
            return Map.of("loss", Double.NaN);
        }
    }

    /**
     * loss = (log10(lr) + 2.5)^2, plus 1 unless opt is "adam", reported over 5 steps; an opt value
     * starting with "<img" throws with that value in its message, so errors carry markup too.
     */
    public static final class LogLoss implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) {
            String opt = config.getString("opt");
            if (opt.startsWith("<img")) {
                throw new IllegalArgumentException("unknown optimiser " + opt);
            }
            double loss = Math.pow(Math.log10(config.getDouble("lr")) + 2.5, 2) + (opt.equals("adam") ? 0 : 1);
            for (int step = 1; step <= 5; step++) {
                context.report(step, Map.of("loss", loss + 1.0 / step - 0.2));
            }
            return Map.of("loss", loss);
        }
    }

    /** Parameters {@code seed} and {@code steps} and a metric {@code error}: names the trial table has fixed columns for. */
    public static final class FixedColumnNames implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) {
            double seed = config.getDouble("seed");
            return Map.of("loss", seed * config.getDouble("steps"), "error", seed / 10);
        }
    }

    /**
     * Two objectives to minimise on x and y in [0, 1], each step {@code 1..horizon} (config {@code horizon}):
     * {@code f1 = x + y + 1/step} and {@code f2 = 1 - x + y + 1/step}, and {@code size = y}. Every trial
     * carries the same offset at a step, so rung records rank trials as their final values do: the front
     * is y = 0. Saves a checkpoint each step, so a paused or retried trial continues where it was. Sleeps
     * {@code stepSeconds} (config, default 0) a step, to stand in for training time.
     */
    public static final class TwoObjectiveCurve implements Trainable {
        @Override
        public Map<String, Double> train(Config config, TrialContext context) throws IOException, InterruptedException {
            double x = config.getDouble("x");
            double y = config.getDouble("y");
            long steps = config.getLong("horizon");
            Map<String, Double> metrics = Map.of();
            long first = context.latestCheckpoint().map(TrialContext.Checkpoint::step).orElse(0L) + 1;
            for (long step = first; step <= steps; step++) {
                Thread.sleep(Math.round(config.getDouble("stepSeconds", 0) * 1000));
                metrics = Map.of("f1", x + y + 1.0 / step, "f2", 1 - x + y + 1.0 / step, "size", y);
                boolean goOn = context.report(step, metrics);
                context.saveCheckpoint(step, out -> out.write(0));
                if (!goOn) {
                    break;
                }
            }
            return metrics;
        }
    }
}
