package io.sparktune.train.xgboost;

import io.sparktune.data.Samples;
import ml.dmlc.xgboost4j.LabeledPoint;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * XGBoost's copy of a broadcast sample set. Rows stream from the broadcast into XGBoost's native
 * matrix one batch at a time, so a trial holds no second Java copy of the data, only XGBoost's own.
 * Every value is present (zeros included; only NaN would be missing), as a dense NumPy array is to
 * XGBoost's Python package. Raw values: tree splits do not change under the data's normalisation.
 */
final class FeatureMatrix {
    private FeatureMatrix() {
    }

    static DMatrix of(Samples samples) throws XGBoostError {
        return new DMatrix(rows(samples), null, Float.NaN);
    }

    private static Iterator<LabeledPoint> rows(Samples samples) {
        int width = samples.width();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < samples.size();
            }

            @Override
            public LabeledPoint next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                float[] values = new float[width];
                for (int j = 0; j < width; j++) {
                    values[j] = samples.value(next, j);
                }
                // No indices: a dense row, every feature in order.
                return new LabeledPoint(samples.label(next++), width, null, values);
            }
        };
    }
}
