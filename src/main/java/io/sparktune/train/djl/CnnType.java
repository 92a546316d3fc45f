package io.sparktune.train.djl;

/** {@code {"type": "cnn", ...}}: a small convolutional network for images. */
public final class CnnType extends NetworkType {
    public CnnType() {
        super(Architecture.CNN);
    }
}
