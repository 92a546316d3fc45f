package io.sparktune.cli;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Durations;

import java.time.Duration;

/** Flag values that picocli cannot type by itself. */
final class Flags {
    private Flags() {
    }

    static Duration duration(String flag, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(flag, "", e.getMessage());
        }
    }
}
