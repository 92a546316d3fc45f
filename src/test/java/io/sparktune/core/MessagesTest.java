package io.sparktune.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessagesTest {

    @Test
    void firstLineKeepsTheFirstLineStripped() {
        assertEquals("Path does not exist: /data/x", Messages.firstLine("  Path does not exist: /data/x \n\tat org.apache.spark..."));
        assertEquals("", Messages.firstLine(null));
        assertEquals("", Messages.firstLine(""));
    }

    @Test
    void firstLineFallsBackOnlyWhenThereIsNothingToShow() {
        // An exception without a message (a NullPointerException deep in a reader) still gets a one-line error.
        assertEquals("cannot read", Messages.firstLine(null, "cannot read"));
        assertEquals("cannot read", Messages.firstLine("   \nsecond line", "cannot read"));
        assertEquals("first", Messages.firstLine("first\nsecond", "cannot read"));
    }
}
