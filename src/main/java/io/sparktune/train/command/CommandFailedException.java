package io.sparktune.train.command;

/**
 * A command that exited badly or ran out of time. It carries no stack trace: where in SparkTune the
 * failure was noticed says nothing about the program, and the trial's error stays the message alone.
 */
final class CommandFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    CommandFailedException(String message) {
        super(message, null, false, false);
    }
}
