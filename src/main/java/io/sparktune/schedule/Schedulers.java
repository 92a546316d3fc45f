package io.sparktune.schedule;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Space;

import java.util.List;

/**
 * The schedulers a spec can name, and the one place that reads their options: {@link #validate}
 * turns them into a {@link SchedulerSpec} on the driver, before anything runs.
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
    private static final List<String> MEDIAN_KEYS = List.of("gracePeriod", "minSamples");
    private static final List<String> PBT_KEYS = List.of("maxSteps", "perturbationInterval", "quantile", "resampleProbability", "mutations");

    private Schedulers() {
    }

    public static List<String> types() {
        return TYPES;
    }

    public static SchedulerSpec validate(PluginSpec spec, String path, Space space) {
        if (!TYPES.contains(spec.type())) {
            throw new InvalidInputException(null, path + ".type",
                    "unknown scheduler '" + spec.type() + "' (expected one of " + String.join(", ", TYPES) + ")");
        }
        return switch (spec.type()) {
            case "asha" -> asha(new SchedulerOptions(spec, path, ASHA_KEYS));
            case "hyperband" -> hyperband(new SchedulerOptions(spec, path, HYPERBAND_KEYS));
            case "median" -> {
                SchedulerOptions options = new SchedulerOptions(spec, path, MEDIAN_KEYS);
                yield new SchedulerSpec.MedianOptions(options.whole("gracePeriod", 1, 1), (int) options.whole("minSamples", 3, 1));
            }
            case "pbt" -> pbt(new SchedulerOptions(spec, path, PBT_KEYS), space);
            default -> {
                new SchedulerOptions(spec, path, List.of());
                yield new SchedulerSpec.FifoOptions();
            }
        };
    }

    private static SchedulerSpec asha(SchedulerOptions options) {
        long maxSteps = options.required("maxSteps", 1);
        long grace = options.whole("gracePeriod", 1, 1);
        if (grace >= maxSteps) {
            throw options.invalid("gracePeriod", "must be below maxSteps (" + maxSteps + "), got " + grace);
        }
        return new SchedulerSpec.AshaOptions(maxSteps, grace, reductionFactor(options), (int) options.whole("brackets", 1, 1));
    }

    private static SchedulerSpec hyperband(SchedulerOptions options) {
        long maxSteps = options.required("maxSteps", 1);
        long grace = options.whole("gracePeriod", 1, 1);
        if (grace > maxSteps) {
            throw options.invalid("gracePeriod", "must not exceed maxSteps (" + maxSteps + "), got " + grace);
        }
        return new SchedulerSpec.HyperbandOptions(maxSteps, grace, reductionFactor(options));
    }

    private static int reductionFactor(SchedulerOptions options) {
        return (int) options.whole("reductionFactor", 3, 2);
    }

    /** Explores the parameters named in {@code mutations}, every parameter without it. */
    private static SchedulerSpec pbt(SchedulerOptions options, Space space) {
        long maxSteps = options.required("maxSteps", 2);
        long interval = options.required("perturbationInterval", 1);
        if (interval >= maxSteps) {
            throw options.invalid("perturbationInterval", "must be below maxSteps (" + maxSteps + "), got " + interval);
        }
        double quantile = options.number("quantile", 0.25, 0.01, 0.5);
        double resampleProbability = options.number("resampleProbability", 0.25, 0, 1);
        List<String> mutations = options.names("mutations");
        List<String> known = space.dimensions().stream().map(d -> d.parameter().name()).toList();
        if (mutations == null) {
            mutations = known;
        }
        for (String name : mutations) {
            if (!known.contains(name)) {
                throw options.invalid("mutations", "'" + name + "' is not a parameter of the space (" + String.join(", ", known) + ")");
            }
        }
        return new SchedulerSpec.PbtOptions(maxSteps, interval, quantile, resampleProbability, mutations);
    }
}
