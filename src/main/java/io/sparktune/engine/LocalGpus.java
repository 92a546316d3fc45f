package io.sparktune.engine;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Resources;
import io.sparktune.trial.GpuPool;
import io.sparktune.trial.TrialRunner;
import org.apache.spark.SparkContext;
import org.apache.spark.resource.ResourceInformation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GPUs for trials on a local master, where Spark schedules no task that asks for one (stage-level
 * scheduling is for standalone, YARN and Kubernetes): SparkTune finds the machine's GPUs on the driver,
 * whose JVM is the executor, and hands them out itself through a {@link GpuPool}, running no more
 * trials at once than they allow. Spark's own convention comes first: the addresses the driver
 * found with {@code spark.driver.resource.gpu.amount} and {@code .discoveryScript}; else
 * {@code nvidia-smi}'s list. Elsewhere, or when trials ask for no GPU, Spark assigns them as usual.
 */
final class LocalGpus {
    private static final List<String> NVIDIA_SMI = List.of("nvidia-smi", "--query-gpu=index", "--format=csv,noheader");
    private static final LocalGpus SPARK_ASSIGNS = new LocalGpus(null);

    private final GpuPool pool;

    private LocalGpus(GpuPool pool) {
        this.pool = pool;
    }

    static LocalGpus of(SparkContext sc, Resources resources) {
        if (resources.gpus() == 0 || !sc.isLocal()) {
            return SPARK_ASSIGNS;
        }
        List<String> found = found(sc);
        GpuPool pool = new GpuPool(found, resources.gpus());
        if (pool.trialsAtOnce() == 0) {
            throw new InvalidInputException(null, "resources.gpus", "--gpus " + BigDecimal.valueOf(resources.gpus()).stripTrailingZeros().toPlainString() + " per trial on a local master, but "
                    + (found.isEmpty() ? "no GPU was found (nvidia-smi lists none, and spark.driver.resource.gpu.discoveryScript is not set)"
                    : "only " + found.size() + " GPU(s) were found: " + found) + "; --gpus 0 trains on the CPU");
        }
        return new LocalGpus(pool);
    }

    /** The parallelism asked for, lowered to what the GPUs allow. */
    int cap(int parallelism) {
        return pool == null ? parallelism : Math.min(parallelism, pool.trialsAtOnce());
    }

    TrialRunner assign(TrialRunner runner) {
        return pool == null ? runner : runner.withGpuPool(pool);
    }

    private static List<String> found(SparkContext sc) {
        scala.Option<ResourceInformation> driver = sc.resources().get("gpu");
        return driver.isDefined() ? Arrays.asList(driver.get().addresses()) : nvidiaSmi();
    }

    private static List<String> nvidiaSmi() {
        try {
            Process process = new ProcessBuilder(NVIDIA_SMI).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean listed = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
            // Without a driver it prints why and exits non-zero: no GPU either way.
            return listed ? output.lines().map(String::trim).filter(l -> !l.isEmpty()).toList() : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
