package io.sparktune.store;

/**
 * The sweep directory cannot be read or written (the NameNode is down, the disk is gone). It is
 * never the trial's fault: on an executor it fails the task, which Spark retries; on the driver it
 * ends the run cleanly after bounded retries, with the journal consistent, so a re-run resumes.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
