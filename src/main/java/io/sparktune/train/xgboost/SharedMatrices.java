package io.sparktune.train.xgboost;

import io.sparktune.data.TrainingData;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The training and validation matrices of one broadcast data set, built once per executor JVM and
 * read by every trial boosting on it there, as Optuna users share one DMatrix pair between trials.
 * XGBoost only reads a matrix while it boosts, except for its histogram index (the quantile sketch
 * and bin of every value), which it builds at the first round and caches in the matrix, without a
 * lock, and rebuilds when a trial asks for another {@code max_bin} or device. So matrices are shared
 * only between trials of the same {@code max_bin} and device, and the first round on a new pair runs
 * alone ({@link #update}). A pair nobody uses is freed after {@link #IDLE_MILLIS}, so that the next
 * trial of a slot finds it still built, and an executor that a sweep has left does not keep it.
 */
final class SharedMatrices implements AutoCloseable {
    static final long IDLE_MILLIS = 30_000;

    /**
     * What a pair is built from and for: the broadcast value itself, by identity (a broadcast's id
     * starts again at 0 with each SparkContext of a JVM, and two values may be equal in content but
     * not in what a trial expects of them), and what the histogram index depends on.
     */
    record Key(TrainingData data, int maxBin, String device) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.data == data && key.maxBin == maxBin && key.device.equals(device);
        }

        @Override
        public int hashCode() {
            return Objects.hash(System.identityHashCode(data), maxBin, device);
        }
    }

    private static final Map<Key, SharedMatrices> LIVE = new HashMap<>();
    private static final ScheduledExecutorService EXPIRY = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sparktune-xgboost-matrices");
        thread.setDaemon(true);
        return thread;
    });

    private final Key key;
    private final DMatrix train;
    private final DMatrix validation;
    private volatile boolean indexed;
    // Guarded by SharedMatrices.class.
    private int users;
    private ScheduledFuture<?> expiry;

    private SharedMatrices(Key key, DMatrix train, DMatrix validation) {
        this.key = key;
        this.train = train;
        this.validation = validation;
    }

    /** The pair for {@code key}, built from its data if this JVM holds none; close it when the trial ends. */
    static SharedMatrices acquire(Key key) throws XGBoostError {
        synchronized (SharedMatrices.class) {
            SharedMatrices shared = LIVE.get(key);
            if (shared == null) {
                DMatrix train = FeatureMatrix.of(key.data().train());
                try {
                    shared = new SharedMatrices(key, train, FeatureMatrix.of(key.data().validation()));
                } catch (XGBoostError | RuntimeException e) {
                    train.dispose();
                    throw e;
                }
                LIVE.put(key, shared);
            }
            if (shared.expiry != null) {
                shared.expiry.cancel(false);
                shared.expiry = null;
            }
            shared.users++;
            return shared;
        }
    }

    DMatrix train() {
        return train;
    }

    DMatrix validation() {
        return validation;
    }

    /** Boosts one round; the first round on this pair runs alone, since it builds the histogram index the others read. */
    void update(Booster booster, int round) throws XGBoostError {
        if (!indexed) {
            synchronized (this) {
                if (!indexed) {
                    booster.update(train, round);
                    indexed = true;
                    return;
                }
            }
        }
        booster.update(train, round);
    }

    @Override
    public void close() {
        synchronized (SharedMatrices.class) {
            if (--users == 0) {
                expiry = EXPIRY.schedule(this::freeIfIdle, IDLE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void freeIfIdle() {
        synchronized (SharedMatrices.class) {
            if (users > 0 || LIVE.get(key) != this) {
                return;
            }
            LIVE.remove(key);
        }
        train.dispose();
        validation.dispose();
    }
}
