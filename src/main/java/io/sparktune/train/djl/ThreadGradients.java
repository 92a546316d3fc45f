package io.sparktune.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Gradient recording for the calling thread only. DJL's PtGradientCollector guards itself with a
 * JVM-wide flag, so two trials training at once in one executor fail with "A PtGradientCollector is
 * already collecting"; libtorch's grad mode is thread-local, and each trial trains on its own
 * thread, so switching it per thread lets trials train concurrently with no lock. Gradients are
 * zeroed by the optimizer update, as with the collector.
 */
final class ThreadGradients implements AutoCloseable {
    private final boolean previous;

    ThreadGradients() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    void backward(NDArray loss) {
        try (NDArray seed = loss.onesLike()) {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
        }
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
