package io.sparktune.space;

import io.sparktune.core.InvalidInputException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-string parameter forms of Guild AI and Studio.ml: {@code [-1,0,1]}, {@code 2,5,6},
 * {@code linspace[a:b:n]}, {@code logspace[a:b:n]}, {@code [a:b]}, {@code uniform[a:b]},
 * {@code loguniform[a:b]}, {@code randint[a:b]}, {@code normal[mu:sigma]}, {@code start:step:end},
 * {@code a:lN:b} and {@code a:b}. Anything else is a fixed value.
 */
public final class Shorthand {
    private static final Pattern FUNCTION = Pattern.compile("([a-z]+)\\[(.*)]");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern LOG_COUNT = Pattern.compile("l(\\d+)");
    /** Keeps generated lists free of binary noise such as -0.19999999999999996. */
    private static final MathContext SIGNIFICANT = new MathContext(12);
    private static final List<String> FUNCTIONS =
            List.of("uniform", "loguniform", "linspace", "logspace", "randint", "lograndint", "normal");

    private Shorthand() {
    }

    public static Domain parse(String text, String path) {
        String s = text.trim();
        Matcher function = FUNCTION.matcher(s);
        if (function.matches() && FUNCTIONS.contains(function.group(1))) {
            return function(function.group(1), function.group(2), s, path);
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            String inner = s.substring(1, s.length() - 1).trim();
            if (inner.contains(":")) {
                double[] ab = numbers(inner, 2, s, path);
                return Domains.uniform(ab[0], ab[1], path);
            }
            return new GridList(listItems(inner, s, path));
        }
        String[] colon = s.split(":", -1);
        if (colon.length > 1 && allNumericOrLogCount(colon)) {
            return range(colon, s, path);
        }
        if (s.contains(",")) {
            return new GridList(listItems(s, s, path));
        }
        return new Fixed(scalar(s, s, path));
    }

    private static Domain function(String name, String args, String text, String path) {
        String fullPath = path + "." + name;
        return switch (name) {
            case "uniform" -> {
                double[] ab = numbers(args, 2, text, path);
                yield Domains.uniform(ab[0], ab[1], fullPath);
            }
            case "loguniform" -> {
                double[] ab = numbers(args, 2, text, path);
                yield Domains.logUniform(ab[0], ab[1], fullPath);
            }
            case "randint", "lograndint" -> {
                long[] ab = integers(args, text, path);
                yield Domains.intRange(ab[0], ab[1], name.equals("lograndint"), fullPath);
            }
            case "normal" -> {
                double[] ms = numbers(args, 2, text, path);
                yield Domains.normal(ms[0], ms[1], fullPath);
            }
            case "linspace", "logspace" -> {
                double[] abn = numbers(args, 3, text, path);
                int n = count(abn[2], text, path);
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    double x = n == 1 ? abn[0] : abn[0] + i * (abn[1] - abn[0]) / (n - 1);
                    double value = name.equals("logspace") ? Math.pow(10, x) : x;
                    if (!Double.isFinite(value)) {
                        throw new InvalidInputException(null, path, "'" + text + "': values above 10^308 are out of range");
                    }
                    values.add(tidy(value));
                }
                yield new GridList(distinct(values, text, path));
            }
            default -> throw new IllegalStateException(name);
        };
    }

    private static Domain range(String[] parts, String text, String path) {
        if (parts.length == 2) {
            long[] ab = integers(parts[0] + ":" + parts[1], text, path);
            if (ab[1] < ab[0]) {
                throw new InvalidInputException(null, path, "'" + text + "': end is below start");
            }
            // Unsigned: the difference of the widest ranges overflows a signed long.
            if (Long.compareUnsigned(ab[1] - ab[0], 1_000_000) >= 0) {
                throw new InvalidInputException(null, path, "'" + text + "' has more than a million values");
            }
            List<Object> values = new ArrayList<>();
            for (long v = ab[0]; v <= ab[1]; v++) {
                values.add(v);
            }
            return new GridList(values);
        }
        if (parts.length != 3) {
            throw new InvalidInputException(null, path, "'" + text + "': expected start:step:end, start:lN:end or a:b");
        }
        Matcher log = LOG_COUNT.matcher(parts[1].trim());
        if (log.matches()) {
            double a = number(parts[0], text, path);
            double b = number(parts[2], text, path);
            int n = count(Double.parseDouble(log.group(1)), text, path);
            if (a <= 0 || b <= 0) {
                throw new InvalidInputException(null, path, "'" + text + "': log-spaced values need bounds > 0");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double x = n == 1 ? Math.log(a) : Math.log(a) + i * (Math.log(b) - Math.log(a)) / (n - 1);
                values.add(tidy(Math.exp(x)));
            }
            return new GridList(distinct(values, text, path));
        }
        BigDecimal start = decimal(parts[0], text, path);
        BigDecimal step = decimal(parts[1], text, path);
        BigDecimal end = decimal(parts[2], text, path);
        if (step.signum() <= 0) {
            throw new InvalidInputException(null, path, "'" + text + "': step must be > 0");
        }
        if (end.compareTo(start) < 0) {
            throw new InvalidInputException(null, path, "'" + text + "': end is below start");
        }
        BigDecimal steps = end.subtract(start).divide(step, MathContext.DECIMAL64);
        if (steps.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            throw new InvalidInputException(null, path, "'" + text + "' has more than a million values");
        }
        boolean whole = INTEGER.matcher(parts[0].trim()).matches() && INTEGER.matcher(parts[1].trim()).matches()
                && INTEGER.matcher(parts[2].trim()).matches();
        List<Object> values = new ArrayList<>();
        for (BigDecimal v = start; v.compareTo(end) <= 0; v = v.add(step)) {
            values.add(whole ? (Object) v.longValueExact() : (Object) v.doubleValue());
        }
        return new GridList(values);
    }

    private static boolean allNumericOrLogCount(String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            boolean ok = NUMBER.matcher(p).matches() || (i == 1 && parts.length == 3 && LOG_COUNT.matcher(p).matches());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> listItems(String inner, String text, String path) {
        if (inner.isBlank()) {
            throw new InvalidInputException(null, path, "'" + text + "' is an empty list");
        }
        List<Object> values = new ArrayList<>();
        for (String item : inner.split(",", -1)) {
            if (item.isBlank()) {
                throw new InvalidInputException(null, path, "'" + text + "' has an empty item");
            }
            values.add(scalar(unquote(item.trim()), text, path));
        }
        return distinct(values, text, path);
    }

    /** A grid that repeats a value runs the same trial twice: equal ends, or ends closer than 12 digits apart. */
    private static List<Object> distinct(List<Object> values, String text, String path) {
        if (values.stream().distinct().count() != values.size()) {
            throw new InvalidInputException(null, path, "'" + text + "' lists a value twice");
        }
        return values;
    }

    private static String unquote(String item) {
        boolean quoted = item.length() >= 2 && (item.startsWith("'") && item.endsWith("'")
                || item.startsWith("\"") && item.endsWith("\""));
        return quoted ? item.substring(1, item.length() - 1) : item;
    }

    /** A number where it reads as one (whole numbers as Long), a boolean, or the text itself. */
    private static Object scalar(String s, String text, String path) {
        if (INTEGER.matcher(s).matches()) {
            try {
                return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
            } catch (NumberFormatException tooLong) {
                return number(s, text, path);
            }
        }
        if (NUMBER.matcher(s).matches()) {
            return number(s, text, path);
        }
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        return s;
    }

    private static double[] numbers(String args, int expected, String text, String path) {
        String[] parts = args.split(":", -1);
        if (parts.length != expected) {
            throw new InvalidInputException(null, path,
                    "'" + text + "': expected " + expected + " numbers separated by ':', got " + parts.length);
        }
        double[] values = new double[expected];
        for (int i = 0; i < expected; i++) {
            values[i] = number(parts[i], text, path);
        }
        return values;
    }

    private static long[] integers(String args, String text, String path) {
        String[] parts = args.split(":", -1);
        if (parts.length != 2 || !INTEGER.matcher(parts[0].trim()).matches() || !INTEGER.matcher(parts[1].trim()).matches()) {
            throw new InvalidInputException(null, path,
                    "'" + text + "': expected two whole numbers a:b (for a real range write [a:b])");
        }
        return new long[] {wholeNumber(parts[0], text, path), wholeNumber(parts[1], text, path)};
    }

    private static long wholeNumber(String part, String text, String path) {
        try {
            return Long.parseLong(part.trim());
        } catch (NumberFormatException tooLong) {
            throw new InvalidInputException(null, path, "'" + text + "': '" + part.trim() + "' is out of range for a whole number");
        }
    }

    private static double number(String part, String text, String path) {
        String p = part.trim();
        if (!NUMBER.matcher(p).matches()) {
            throw new InvalidInputException(null, path, "'" + text + "': '" + p + "' is not a number");
        }
        double value = Double.parseDouble(p);
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(null, path, "'" + text + "': '" + p + "' is out of range");
        }
        return value;
    }

    private static BigDecimal decimal(String part, String text, String path) {
        number(part, text, path);
        return new BigDecimal(part.trim());
    }

    private static int count(double n, String text, String path) {
        if (n != Math.rint(n) || n < 1 || n > 1_000_000) {
            throw new InvalidInputException(null, path, "'" + text + "': the count must be a whole number from 1 to 1000000");
        }
        return (int) n;
    }

    private static double tidy(double x) {
        return new BigDecimal(x).round(SIGNIFICANT).doubleValue();
    }
}
