package io.sparktune.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskPackingTest {
    @Test
    void oneTrialPerTaskUntilATrialHasFinished() {
        assertEquals(1, TaskPacking.trialsPerTask(-1, 10_000, 2));
    }

    @Test
    void trialsOfASecondOrMoreRunOneToATask() {
        assertEquals(1, TaskPacking.trialsPerTask(1_100, 10_000, 2));
        assertEquals(1, TaskPacking.trialsPerTask(30_000, 10_000, 2));
    }

    @Test
    void shortTrialsFillTasksOfAboutTwoSeconds() {
        assertEquals(40, TaskPacking.trialsPerTask(50, 10_000, 2));
        assertEquals(5, TaskPacking.trialsPerTask(400, 10_000, 2));
        assertEquals(3, TaskPacking.trialsPerTask(600, 10_000, 2));
    }

    @Test
    void instantTrialsAreCappedPerTask() {
        assertEquals(TaskPacking.MAX_PER_TASK, TaskPacking.trialsPerTask(0, 100_000, 2));
    }

    @Test
    void theLastTrialsAreSharedAmongTheSlots() {
        // 30 left on 4 slots: 8 each (the last task 6), not one task of 30 and three idle slots.
        assertEquals(8, TaskPacking.trialsPerTask(50, 30, 4));
        assertEquals(1, TaskPacking.trialsPerTask(50, 3, 4));
        assertEquals(1, TaskPacking.trialsPerTask(50, 0, 4));
    }
}
