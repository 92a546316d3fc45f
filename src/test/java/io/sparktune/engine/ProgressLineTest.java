package io.sparktune.engine;

import io.sparktune.core.Config;
import io.sparktune.core.Goals;
import io.sparktune.core.Objective;
import io.sparktune.core.SearcherLoad;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** A searcher that took 10 ms against 8 s of training on 2 slots. */
    private static final SearcherLoad IDLE_SEARCHER = new SearcherLoad(10, 8_000, 2);

    /** 4 of 10 done: trials 0-2 completed with loss 3, 2, 1 (trial 2 best), trial 3 failed. */
    private static SweepState state() {
        SweepState state = new SweepState(Goals.of(new Objective("loss", Objective.Mode.MIN)), false);
        for (int id = 0; id < 4; id++) {
            Trial trial = new Trial(id, Config.of(Map.of("x", (double) id)), id, 1);
            state.started(trial);
            state.finished(id < 3
                    ? new TrialResult(id, trial.config(), id, TrialStatus.COMPLETED, Map.of("loss", 3.0 - id), 1, 0, 1, "h", null, 1)
                    : TrialResult.failed(trial, "boom", 0, 1, "h", 1));
        }
        return state;
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceWithCountsBestAndEta() {
        ProgressLine line = new ProgressLine(out, 0, 0, false, true);
        line.print(state(), 2, 10, IDLE_SEARCHER);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\r[=========>"), shown);
        for (String part : new String[] {"] 4/10", "running 2", "failed 1", "stopped 0", "best loss=1.00000 (trial 2)", "ETA "}) {
            assertTrue(shown.contains(part), "'" + part + "' in " + shown);
        }
        assertFalse(shown.contains("\n"), "the bar stays on its line");
        line.finish(state(), 10, IDLE_SEARCHER);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\n"), "the last update ends the line");
    }

    @Test
    void elsewhereEachUpdateIsAPlainLine() {
        ProgressLine line = new ProgressLine(out, 0, 0, false, false);
        line.print(state(), 2, 10, IDLE_SEARCHER);
        line.print(state(), 1, 10, IDLE_SEARCHER);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(shown.contains("\r"), shown);
        assertEquals(2, shown.lines().count(), shown);
        assertTrue(shown.startsWith("trials 4/10 | running 2 | failed 1 | best loss=1.00000 (trial 2) | "), shown);
        assertFalse(shown.contains("suggest"), "a searcher that learns nothing and keeps up is not worth a mention: " + shown);
    }

    @Test
    void withSeveralObjectivesTheLineShowsTheFrontNotOneObjectivesBest() {
        SweepState state = new SweepState(new Goals(List.of(new Objective("f1", Objective.Mode.MIN), new Objective("f2", Objective.Mode.MIN)),
                List.of()), false);
        double[][] losses = {{1, 3}, {3, 1}, {2, 4}};
        for (int id = 0; id < losses.length; id++) {
            Trial trial = new Trial(id, Config.of(Map.of("x", (double) id)), id, 1);
            state.started(trial);
            state.finished(new TrialResult(id, trial.config(), id, TrialStatus.COMPLETED,
                    Map.of("f1", losses[id][0], "f2", losses[id][1]), 1, 0, 1, "h", null, 1));
        }
        new ProgressLine(out, 0, 0, false, false).print(state, 0, 3, IDLE_SEARCHER);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("trials 3/3 | running 0 | failed 0 | front 2 trials | "), shown);
        assertFalse(shown.contains("best"), shown);
    }

    @Test
    void aLearningSearchersTimeIsShownBesideTheTrainingTime() {
        new ProgressLine(out, 0, 0, true, false).print(state(), 2, 10, IDLE_SEARCHER);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.endsWith(" | suggest 0.0s, train 8.0s on 2 slots\n"), shown);
    }

    @Test
    void aSearcherThatHoldsTheSlotsUpIsCalledTheBottleneck() {
        // 5 s suggesting against 8 s of training shared by 2 slots: each slot waited longer than it trained.
        SearcherLoad slow = new SearcherLoad(5_000, 8_000, 2);
        new ProgressLine(out, 0, 0, false, false).print(state(), 2, 10, slow);
        new ProgressLine(out, 0, 0, false, true).print(state(), 2, 10, slow);
        String[] shown = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(shown[0].endsWith(" | suggest 5.0s, train 8.0s on 2 slots (searcher-bound)"), shown[0]);
        assertTrue(shown[1].contains("  suggest 5.0s, train 8.0s on 2 slots (searcher-bound)"), shown[1]);
        assertFalse(new SearcherLoad(3_900, 8_000, 2).searcherBound(), "3.9 s of suggesting against 4 s per slot");
    }

    @Test
    void etaIsTheTrialsLeftAtThisRunsRate() {
        assertEquals("00:00:12", ProgressLine.eta(state(), 10, 8_000, 0), "4 done in 8 s: 6 left take 12 s");
        assertEquals("00:00:24", ProgressLine.eta(state(), 10, 8_000, 2), "a resumed run did 2 of the 4 in 8 s");
        assertEquals("--:--:--", ProgressLine.eta(state(), 10, 8_000, 4), "no trial of this run has finished");
    }
}
