package io.sparktune.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * How raw feature values become network inputs, {@code (value - shift) * factor} per feature, with
 * the shift and factor learnt from the training set only, so validation data tells it nothing.
 */
public final class Normalization implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The methods a space may name in {@code data.normalize}. */
    public enum Method {
        /** Raw values. */
        NONE,
        /** Divided by the largest absolute value in the training set: 0-255 pixels become 0-1. */
        SCALE,
        /** Per feature, minus the mean and divided by the standard deviation. */
        STANDARD;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final float[] shift;
    private final float[] factor;

    private Normalization(float[] shift, float[] factor) {
        this.shift = shift;
        this.factor = factor;
    }

    public static Normalization fit(Method method, Samples train) {
        int width = train.width();
        float[] shift = new float[width];
        float[] factor = new float[width];
        Arrays.fill(factor, 1f);
        switch (method) {
            case NONE -> {
            }
            case SCALE -> {
                float max = 0;
                for (int i = 0; i < train.size(); i++) {
                    for (int j = 0; j < width; j++) {
                        max = Math.max(max, Math.abs(train.value(i, j)));
                    }
                }
                Arrays.fill(factor, max == 0 ? 1f : 1f / max);
            }
            case STANDARD -> {
                double[] sum = new double[width];
                double[] squares = new double[width];
                for (int i = 0; i < train.size(); i++) {
                    for (int j = 0; j < width; j++) {
                        double v = train.value(i, j);
                        sum[j] += v;
                        squares[j] += v * v;
                    }
                }
                for (int j = 0; j < width; j++) {
                    double mean = sum[j] / train.size();
                    double sd = Math.sqrt(Math.max(0, squares[j] / train.size() - mean * mean));
                    shift[j] = (float) mean;
                    // A constant feature carries nothing; leave it at zero rather than divide by zero.
                    factor[j] = sd == 0 ? 1f : (float) (1 / sd);
                }
            }
        }
        return new Normalization(shift, factor);
    }

    /** Writes the normalised features of sample {@code row} into {@code out} from {@code offset}. */
    public void apply(Samples samples, int row, float[] out, int offset) {
        for (int j = 0; j < shift.length; j++) {
            out[offset + j] = (samples.value(row, j) - shift[j]) * factor[j];
        }
    }
}
