package io.sparktune.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 500ms}, or plain seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("((\\d+(?:\\.\\d+)?)(ms|s|m|h|d))+");
    /** Longer than any batch window: a bigger value is a typo, and the largest overflow the deadline's milliseconds. */
    private static final Duration LONGEST = Duration.ofDays(365);

    private Durations() {
    }

    /** The duration, or an IllegalArgumentException whose message says what was expected. */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.matches("\\d+(\\.\\d+)?")) {
            return ofSeconds(Double.parseDouble(s), "'" + text + "'");
        }
        if (!WHOLE.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 90s, 30m, 2h, 1h30m)");
        }
        double millis = 0;
        Matcher m = PART.matcher(s);
        while (m.find()) {
            double amount = Double.parseDouble(m.group(1));
            millis += amount * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            };
        }
        return ofMillis(millis, "'" + text + "'");
    }

    /** Plain seconds, as a JSON number gives them; {@code shown} is how the message quotes the value. */
    public static Duration ofSeconds(double seconds, String shown) {
        return ofMillis(seconds * 1000, shown);
    }

    private static Duration ofMillis(double millis, String shown) {
        if (!(millis >= 1)) {
            throw new IllegalArgumentException(shown + " must be at least 1ms");
        }
        if (millis > LONGEST.toMillis()) {
            throw new IllegalArgumentException(shown + " is longer than " + LONGEST.toDays() + " days");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    public static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm%02ds", s / 3600, (s % 3600) / 60, s % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60)
                : String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
