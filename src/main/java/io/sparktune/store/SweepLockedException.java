package io.sparktune.store;

/** Another live driver holds the sweep directory. */
public class SweepLockedException extends RuntimeException {
    public SweepLockedException(String message) {
        super(message);
    }
}
