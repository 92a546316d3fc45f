package io.sparktune.train.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scalars read from a program's output lines, as Guild reads them: by default a line
 * {@code name: value}; or whatever a configured regex with groups {@code name} and {@code value}
 * finds, several per line. A {@code step} (or {@code epoch}) scalar starts a new step: the values
 * seen since the previous one are reported as that step's metrics, so schedulers see a learning
 * curve while the program runs. Lines of stdout and stderr arrive on two threads.
 */
final class OutputScalars {
    static final Pattern GUILD = Pattern.compile(
            "^\\s*(?<name>[A-Za-z_][\\w./-]*):\\s+(?<value>[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?(?i:nan|inf|infinity))\\s*$");
    private static final Set<String> STEP_NAMES = Set.of("step", "epoch");

    /** Where a finished step goes; false means the trial should stop. */
    @FunctionalInterface
    interface StepSink {
        boolean report(long step, Map<String, Double> metrics);
    }

    private final Pattern pattern;
    private final StepSink sink;
    private final Map<String, Double> latest = new LinkedHashMap<>();
    private final Map<String, Double> stepMetrics = new LinkedHashMap<>();
    private Long step;
    private volatile boolean stopAsked;

    OutputScalars(Pattern pattern, StepSink sink) {
        this.pattern = pattern;
        this.sink = sink;
    }

    synchronized void accept(String line) {
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            Double value = number(m.group("value"));
            if (value == null) {
                continue;
            }
            String name = m.group("name");
            if (STEP_NAMES.contains(name)) {
                endStep();
                step = (long) value.doubleValue();
            } else {
                latest.put(name, value);
                stepMetrics.put(name, value);
            }
        }
    }

    private void endStep() {
        if (step != null && !stepMetrics.isEmpty() && !sink.report(step, Map.copyOf(stepMetrics))) {
            stopAsked = true;
        }
        stepMetrics.clear();
    }

    /** Whether a report answered that the trial should stop. */
    boolean stopAsked() {
        return stopAsked;
    }

    /** Reports the last step and returns each scalar's latest value. */
    synchronized Map<String, Double> finish() {
        endStep();
        return Map.copyOf(latest);
    }

    private static Double number(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        double sign = t.startsWith("-") ? -1 : 1;
        return switch (unsigned) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> sign * Double.POSITIVE_INFINITY;
            default -> parse(t);
        };
    }

    private static Double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
