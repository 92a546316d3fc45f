package io.sparktune.train.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import java.util.List;

/**
 * libtorch settings for the thread a trial trains on. Its intra-op pool size and grad mode are
 * per-thread settings, so each trial sets its own: threads equal to the cpus Spark gave the task
 * (with libtorch's default of every core, two trials on two cores ran 10 to 15 times slower).
 */
final class TorchThreads {
    private TorchThreads() {
    }

    /** Loads the engine once per JVM, with one inter-op thread: trials are the parallelism between ops. */
    static synchronized Engine engine(int cpus) {
        System.setProperty("ai.djl.pytorch.num_interop_threads",
                System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_threads",
                System.getProperty("ai.djl.pytorch.num_threads", String.valueOf(cpus)));
        return Engine.getEngine("PyTorch");
    }

    /** Call on the trial's thread before any tensor work: intra-op threads, and no graph recording outside training steps. */
    static void configure(int cpus) {
        engine(cpus);
        JniUtils.setNumThreads(cpus);
        JniUtils.setGradMode(false);
    }

    /** The GPU Spark assigned to the task, or the CPU when it assigned none. */
    static Device device(List<String> gpus) {
        if (gpus.isEmpty()) {
            return Device.cpu();
        }
        int gpu = Integer.parseInt(gpus.get(0));
        int visible = Engine.getEngine("PyTorch").getGpuCount();
        if (gpu >= visible) {
            throw new IllegalStateException("Spark assigned GPU " + gpu + " but DJL's PyTorch sees " + visible
                    + " GPUs: put a CUDA build of libtorch on the executors (docs/deep-learning.md)");
        }
        return Device.gpu(gpu);
    }
}
