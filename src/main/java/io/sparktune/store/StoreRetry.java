package io.sparktune.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** Bounded retries with exponential backoff for the driver's writes to the sweep directory. */
public final class StoreRetry {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRetry.class);

    private final int attempts;
    private final long firstBackoffMillis;

    public StoreRetry(int attempts, long firstBackoffMillis) {
        this.attempts = attempts;
        this.firstBackoffMillis = firstBackoffMillis;
    }

    /** A store action. */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    /** Runs {@code action}, retrying I/O failures; after the last attempt throws {@link StoreUnavailableException}. */
    public void run(String what, Action action) throws InterruptedException {
        long backoff = firstBackoffMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (IOException | StoreUnavailableException e) {
                if (attempt >= attempts) {
                    throw new StoreUnavailableException("cannot " + what + " after " + attempts + " attempts: " + e.getMessage(), e);
                }
                LOG.warn("cannot {} (attempt {} of {}), retrying in {} ms: {}", what, attempt, attempts, backoff, e.toString());
                Thread.sleep(backoff);
                backoff *= 2;
            }
        }
    }
}
