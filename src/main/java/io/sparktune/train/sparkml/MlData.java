package io.sparktune.train.sparkml;

import io.sparktune.core.InvalidInputException;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@code data} object of a {@code sparkml} trainable, validated:
 * {@code {"train": PATH, "validation": {"split": 0.2} | PATH | {"folds": 3} | {"folds": 3, "foldCol": "fold"}, "format": "parquet",
 * "label": "label", "features": "features" | ["a", "b"]}}. Paths are on any Hadoop file system; with
 * {@code "format": "table"} they are table names of the session's catalog (Hive).
 *
 * @param validation  a path or table held out as it is, or null
 * @param split       the fraction of {@code train} held out when {@code validation} is null and folds is 0
 * @param folds       k of k-fold cross-validation, or 0
 * @param foldCol     with folds, a column of fold numbers 0 to k-1 that says which fold validates on each row
 *                    (as {@code CrossValidator.setFoldCol}), or null: folds by a seeded hash of each row
 * @param features    one vector column, or numeric columns to assemble into one
 */
public record MlData(String train, String validation, double split, int folds, String foldCol, Format format, String label,
                     List<String> features) implements Serializable {
    private static final Set<String> FOLD_KEYS = Set.of("folds", "foldCol");
    private static final Set<String> KEYS = new TreeSet<>(List.of("train", "validation", "format", "label", "features"));

    /** How the data is stored. */
    public enum Format {
        PARQUET, CSV, LIBSVM, TABLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Parses {@code value}, the JSON at {@code path}; every error names the key's path. */
    public static MlData parse(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(null, path, "expected an object such as {\"train\": \"data/train.parquet\", \"validation\": {\"split\": 0.2}}");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(null, path + "." + key, "unknown key (expected one of " + String.join(", ", KEYS) + ")");
            }
        }
        String train = text(map.get("train"), path + ".train");
        Object validation = map.containsKey("validation") ? map.get("validation") : Map.of("split", 0.2);
        String validationPath = null;
        double split = 0;
        int folds = 0;
        String foldCol = null;
        if (validation instanceof String) {
            validationPath = text(validation, path + ".validation");
        } else if (validation instanceof Map<?, ?> held && held.size() == 1 && held.get("split") instanceof Number n) {
            split = n.doubleValue();
            if (!(split > 0 && split < 1)) {
                throw new InvalidInputException(null, path + ".validation.split", "expected a fraction between 0 and 1, got " + n);
            }
        } else if (validation instanceof Map<?, ?> held && FOLD_KEYS.containsAll(held.keySet()) && held.get("folds") instanceof Number n) {
            if (!(n instanceof Long k) || k < 2 || k > 100) {
                throw new InvalidInputException(null, path + ".validation.folds", "expected a whole number from 2 to 100, got " + n);
            }
            folds = (int) (long) k;
            foldCol = held.containsKey("foldCol") ? column(held.get("foldCol"), path + ".validation.foldCol") : null;
        } else {
            throw new InvalidInputException(null, path + ".validation", "expected a path, {\"split\": 0.2}, {\"folds\": 3} "
                    + "or {\"folds\": 3, \"foldCol\": \"fold\"}, got " + validation);
        }
        Format format = format(map.get("format"), path + ".format");
        String label = map.containsKey("label") ? text(map.get("label"), path + ".label") : "label";
        return new MlData(train, validationPath, split, folds, foldCol, format, label, features(map.get("features"), path + ".features"));
    }

    private static Format format(Object given, String path) {
        if (given == null) {
            return Format.PARQUET;
        }
        for (Format format : Format.values()) {
            if (format.label().equals(given)) {
                return format;
            }
        }
        throw new InvalidInputException(null, path, "unknown format '" + given + "' (expected one of "
                + Arrays.stream(Format.values()).map(Format::label).collect(Collectors.joining(", ")) + ")");
    }

    private static List<String> features(Object value, String path) {
        if (value == null) {
            return List.of("features");
        }
        if (value instanceof String) {
            return List.of(text(value, path));
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(v -> v instanceof String s && !s.isBlank())) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new InvalidInputException(null, path, "expected a vector column's name or a non-empty array of numeric column names, got " + value);
    }

    private static String column(Object value, String path) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidInputException(null, path, "expected a column's name, got " + value);
        }
        return s;
    }

    private static String text(Object value, String path) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidInputException(null, path, value == null ? "missing: expected a path" : "expected a non-empty string, got " + value);
        }
        return s;
    }
}
