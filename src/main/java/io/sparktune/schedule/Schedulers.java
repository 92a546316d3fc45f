package io.sparktune.schedule;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;
import io.sparktune.store.SweepDirectory;

import java.util.List;
import java.util.Optional;

/**
 * The schedulers a spec can name: their options checked on the driver before anything runs
 * ({@link #validate}), their executor side made once per trial run ({@link #create}), and the driver
 * side of the synchronous ones ({@link #rounds}).
 */
public final class Schedulers {
    private static final List<String> TYPES = List.of("fifo", "asha", "hyperband", "median", "pbt");
    /**
     * How often a running trial rewrites its progress log (the driver gives it to each trial's runner),
     * and so how often the median rule re-reads the other trials' logs: reading oftener finds nothing new.
     */
    public static final long PROGRESS_MILLIS = 2_000;
    private static final List<String> ASHA_KEYS = List.of("maxSteps", "gracePeriod", "reductionFactor", "brackets");
    private static final List<String> HYPERBAND_KEYS = List.of("maxSteps", "gracePeriod", "reductionFactor");

    private Schedulers() {
    }

    public static List<String> types() {
        return TYPES;
    }

    public static void validate(PluginSpec spec, String path, Space space) {
        if (!TYPES.contains(spec.type())) {
            throw new InvalidInputException(null, path + ".type",
                    "unknown scheduler '" + spec.type() + "' (expected one of " + String.join(", ", TYPES) + ")");
        }
        build(spec, path, null, null);
        if (spec.type().equals("pbt")) {
            new Pbt(new SchedulerOptions(spec, path, Pbt.KEYS)).exploration(space);
        }
    }

    /** The executor side, for one run of one trial. */
    public static Scheduler create(PluginSpec spec, Objective objective, SweepDirectory dir) {
        return build(spec, "scheduler", objective, dir);
    }

    /** The driver side of hyperband and pbt; empty for the schedulers that decide on executors alone. */
    public static Optional<Rounds> rounds(PluginSpec spec, Space space, SweepDirectory dir, long masterSeed) {
        return switch (spec.type()) {
            case "hyperband" -> {
                SchedulerOptions options = new SchedulerOptions(spec, "scheduler", HYPERBAND_KEYS);
                yield Optional.of(new Hyperband(dir, brackets(options), reductionFactor(options)));
            }
            case "pbt" -> {
                Pbt pbt = new Pbt(new SchedulerOptions(spec, "scheduler", Pbt.KEYS));
                yield Optional.of(new PopulationTraining(dir, pbt.maxSteps, pbt.interval, pbt.quantile, pbt.exploration(space), masterSeed));
            }
            default -> Optional.empty();
        };
    }

    private static Scheduler build(PluginSpec spec, String path, Objective objective, SweepDirectory dir) {
        return switch (spec.type()) {
            case "asha" -> {
                SchedulerOptions options = new SchedulerOptions(spec, path, ASHA_KEYS);
                long maxSteps = options.required("maxSteps", 1);
                long grace = options.whole("gracePeriod", 1, 1);
                if (grace >= maxSteps) {
                    throw options.invalid("gracePeriod", "must be below maxSteps (" + maxSteps + "), got " + grace);
                }
                yield new AshaScheduler(dir, maxSteps, grace, reductionFactor(options), (int) options.whole("brackets", 1, 1));
            }
            case "hyperband" -> {
                SchedulerOptions options = new SchedulerOptions(spec, path, HYPERBAND_KEYS);
                brackets(options);
                yield new PausingScheduler(dir, options.required("maxSteps", 1));
            }
            case "median" -> {
                SchedulerOptions options = new SchedulerOptions(spec, path, List.of("gracePeriod", "minSamples"));
                yield new MedianScheduler(dir, objective, options.whole("gracePeriod", 1, 1),
                        (int) options.whole("minSamples", 3, 1), PROGRESS_MILLIS);
            }
            case "pbt" -> new PausingScheduler(dir, new Pbt(new SchedulerOptions(spec, path, Pbt.KEYS)).maxSteps);
            default -> {
                new SchedulerOptions(spec, path, List.of());
                yield new FifoScheduler();
            }
        };
    }

    private static Brackets brackets(SchedulerOptions options) {
        long maxSteps = options.required("maxSteps", 1);
        long grace = options.whole("gracePeriod", 1, 1);
        if (grace > maxSteps) {
            throw options.invalid("gracePeriod", "must not exceed maxSteps (" + maxSteps + "), got " + grace);
        }
        return new Brackets(maxSteps, grace, reductionFactor(options));
    }

    private static int reductionFactor(SchedulerOptions options) {
        return (int) options.whole("reductionFactor", 3, 2);
    }

    /** pbt's options, read and checked in one place for both sides. */
    private static final class Pbt {
        static final List<String> KEYS = List.of("maxSteps", "perturbationInterval", "quantile", "resampleProbability", "mutations");
        final long maxSteps;
        final long interval;
        final double quantile;
        final double resampleProbability;
        private final SchedulerOptions options;
        private final List<String> mutations;

        Pbt(SchedulerOptions options) {
            maxSteps = options.required("maxSteps", 2);
            interval = options.required("perturbationInterval", 1);
            if (interval >= maxSteps) {
                throw options.invalid("perturbationInterval", "must be below maxSteps (" + maxSteps + "), got " + interval);
            }
            quantile = options.number("quantile", 0.25, 0.01, 0.5);
            resampleProbability = options.number("resampleProbability", 0.25, 0, 1);
            mutations = options.names("mutations");
            this.options = options;
        }

        /** Explores the parameters named in {@code mutations}, every parameter without it. */
        Exploration exploration(Space space) {
            List<String> known = space.dimensions().stream().map(d -> d.parameter().name()).toList();
            if (mutations == null) {
                return new Exploration(space, resampleProbability, known);
            }
            for (String name : mutations) {
                if (!known.contains(name)) {
                    throw options.invalid("mutations", "'" + name + "' is not a parameter of the space (" + String.join(", ", known) + ")");
                }
            }
            return new Exploration(space, resampleProbability, mutations);
        }
    }
}
