package io.sparktune.bench;

import io.sparktune.core.Config;
import io.sparktune.core.History;
import io.sparktune.search.Searcher;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SweepSimulationTest {

    /** Hands out x = 0, 1, 2, ... and records, per call, how many configs were asked for and how many results it knew. */
    private static final class Recorder implements Searcher {
        final List<int[]> calls = new ArrayList<>();

        @Override
        public boolean learns() {
            return true;
        }

        @Override
        public List<Config> suggest(int count, History history) {
            calls.add(new int[] {count, history.observations().size(), history.pending().size()});
            return IntStream.range(0, count).mapToObj(i -> Config.of(Map.of("x", history.created() + i))).toList();
        }
    }

    @Test
    void roundsAskForWholeBatchesAndTellEveryResultBeforeTheNext() {
        Recorder searcher = new Recorder();
        SweepSimulation sweep = new SweepSimulation(searcher, config -> Math.abs(config.getDouble("x") - 13));

        double best = sweep.runInRounds(20, 8);

        assertEquals(List.of(List.of(8, 0, 0), List.of(8, 8, 0), List.of(4, 16, 0)),
                searcher.calls.stream().map(c -> List.of(c[0], c[1], c[2])).toList());
        assertEquals(0, best);
        assertEquals(13, sweep.incumbent().getLong("x"));
        assertEquals(20, sweep.history().observations().size());
    }

    @Test
    void theDefaultProtocolKeepsTheSlotsFullAndAsksForOneReplacementAtATime() {
        Recorder searcher = new Recorder();
        SweepSimulation sweep = new SweepSimulation(searcher, config -> config.getDouble("x"));

        sweep.run(20, 8, 1);

        assertEquals(List.of(8, 0, 0), List.of(searcher.calls.get(0)[0], searcher.calls.get(0)[1], searcher.calls.get(0)[2]));
        for (int[] call : searcher.calls.subList(1, searcher.calls.size())) {
            assertEquals(1, call[0]);
            assertEquals(7, call[2]);
        }
        assertEquals(0, sweep.incumbent().getLong("x"));
    }
}
