package io.sparktune.data;

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
 * The {@code data} object of a trainable, validated:
 * {@code {"dir": D, "train": PATH, "validation": PATH or "split": 0.1, "format": "idx", "label": "label",
 * "normalize": "scale", "shape": [1, 28, 28]}}. Relative paths are read under {@code dir} when it is
 * set, so {@code --data-dir} moves a whole dataset; paths are on any Hadoop file system.
 *
 * @param validation null when a fraction {@code split} of the training set is held out instead
 * @param shape      the shape of one sample, or null to take it from the data (IDX images know theirs)
 */
public record DataSpec(String dir, String train, String validation, double split, Format format, String label,
                       Normalization.Method normalize, int[] shape) implements Serializable {
    private static final Set<String> KEYS = new TreeSet<>(List.of("dir", "train", "validation", "split", "format", "label",
            "normalize", "shape"));
    /** The split seed is fixed, so every trial of a sweep validates on the same held-out rows. */
    static final long SPLIT_SEED = 20_240_601L;

    /** Where the data comes from. */
    public enum Format {
        /** The MNIST family's IDX files, gzipped or not: {@code PATH-images-idx3-ubyte[.gz]} and {@code PATH-labels-idx1-ubyte[.gz]}. */
        IDX,
        /** A CSV file with a header, read by Spark; the label column and every other numeric column. */
        CSV,
        /** Parquet, read by Spark; numeric columns and ML vector columns are features. */
        PARQUET,
        /** LibSVM text, read by Spark's libsvm source. */
        LIBSVM;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Parses {@code value}, the JSON of {@code path}; every error names the key's path. */
    public static DataSpec parse(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(null, path, "expected an object such as {\"train\": \"data/train.csv\", \"format\": \"csv\", \"split\": 0.1}");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(null, path + "." + key, "unknown key (expected one of " + String.join(", ", KEYS) + ")");
            }
        }
        String dir = string(map, "dir", path, false);
        String train = string(map, "train", path, true);
        String validation = string(map, "validation", path, false);
        double split = 0;
        if (map.containsKey("split")) {
            if (validation != null) {
                throw new InvalidInputException(null, path + ".split", "give either validation or split, not both");
            }
            if (!(map.get("split") instanceof Number n) || !(n.doubleValue() > 0 && n.doubleValue() < 1)) {
                throw new InvalidInputException(null, path + ".split", "expected a fraction between 0 and 1, got " + map.get("split"));
            }
            split = ((Number) map.get("split")).doubleValue();
        } else if (validation == null) {
            split = 0.1;
        }
        Format format = choice(Format.values(), Format::label, map.get("format"), path + ".format", null);
        Normalization.Method normalize = choice(Normalization.Method.values(), Normalization.Method::label,
                map.get("normalize"), path + ".normalize", Normalization.Method.SCALE);
        String label = map.containsKey("label") ? string(map, "label", path, true) : "label";
        return new DataSpec(dir, train, validation, split, format, label, normalize, shape(map.get("shape"), path + ".shape"));
    }

    /** A path as the user gave it, under {@code dir} when relative. */
    public String resolve(String file) {
        if (dir == null || file.startsWith("/") || file.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return file;
        }
        return dir.replaceFirst("/+$", "") + "/" + file;
    }

    private static String string(Map<?, ?> map, String key, String path, boolean required) {
        Object value = map.get(key);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidInputException(null, path + "." + key, value == null ? "missing: expected a path" : "expected a non-empty string, got " + value);
        }
        return s;
    }

    private static <E> E choice(E[] values, java.util.function.Function<E, String> label, Object given, String path, E fallback) {
        if (given == null && fallback != null) {
            return fallback;
        }
        for (E value : values) {
            if (label.apply(value).equals(given)) {
                return value;
            }
        }
        throw new InvalidInputException(null, path, (given == null ? "missing" : "unknown value '" + given + "'") + " (expected one of "
                + Arrays.stream(values).map(label).collect(Collectors.joining(", ")) + ")");
    }

    private static int[] shape(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(v -> v instanceof Long l && l > 0)) {
            throw new InvalidInputException(null, path, "expected a list of positive whole numbers such as [1, 28, 28], got " + value);
        }
        return list.stream().mapToInt(v -> ((Long) v).intValue()).toArray();
    }
}
