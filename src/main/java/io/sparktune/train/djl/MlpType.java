package io.sparktune.train.djl;

/** {@code {"type": "mlp", ...}}: a multi-layer perceptron. */
public final class MlpType extends NetworkType {
    public MlpType() {
        super(Architecture.MLP);
    }
}
