package io.sparktune.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A dataset in memory, compact enough to broadcast once to every executor: features row-major in
 * bytes (raw 0-255 pixels, four times smaller than floats) or floats, and one label per row.
 *
 * @param shape the shape of one sample: {@code [channels, height, width]} for images, {@code [features]} for tables
 */
public final class Samples implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] shape;
    private final int width;
    private final byte[] bytes;
    private final float[] floats;
    private final float[] labels;

    private Samples(int[] shape, byte[] bytes, float[] floats, float[] labels) {
        this.shape = shape.clone();
        this.width = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        this.bytes = bytes;
        this.floats = floats;
        this.labels = labels;
        long stored = bytes != null ? bytes.length : floats.length;
        if (stored != (long) width * labels.length) {
            throw new IllegalArgumentException(stored + " feature values do not make " + labels.length + " samples of shape "
                    + Arrays.toString(shape));
        }
    }

    public static Samples ofBytes(int[] shape, byte[] pixels, float[] labels) {
        return new Samples(shape, pixels, null, labels);
    }

    public static Samples ofFloats(int[] shape, float[] values, float[] labels) {
        return new Samples(shape, null, values, labels);
    }

    public int size() {
        return labels.length;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Feature values per sample. */
    public int width() {
        return width;
    }

    public float label(int i) {
        return labels[i];
    }

    /** The raw value of feature {@code j} of sample {@code i}. */
    public float value(int i, int j) {
        int at = i * width + j;
        return bytes != null ? bytes[at] & 0xFF : floats[at];
    }

    /** The samples at {@code rows}, in that order: the split of a training set. */
    public Samples select(int[] rows) {
        int w = width;
        float[] labelsOut = new float[rows.length];
        for (int k = 0; k < rows.length; k++) {
            labelsOut[k] = labels[rows[k]];
        }
        if (bytes != null) {
            byte[] out = new byte[rows.length * w];
            for (int k = 0; k < rows.length; k++) {
                System.arraycopy(bytes, rows[k] * w, out, k * w, w);
            }
            return ofBytes(shape, out, labelsOut);
        }
        float[] out = new float[rows.length * w];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(floats, rows[k] * w, out, k * w, w);
        }
        return ofFloats(shape, out, labelsOut);
    }
}
