package io.sparktune.report;

import io.sparktune.core.Config;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopTrialsTest {
    private static TrialResult result(int id, TrialStatus status, Map<String, Double> metrics, Map<String, ?> config) {
        return new TrialResult(id, Config.of(config), id, status, metrics, 1, 0, 1, "h", null, 1);
    }

    @Test
    void keepsTheBestOfTheChosenStatusesAsAFullSortWouldOrderThem() {
        SplittableRandom random = new SplittableRandom(3);
        List<TrialResult> all = new ArrayList<>();
        for (int id = 0; id < 2_000; id++) {
            TrialStatus status = id % 7 == 0 ? TrialStatus.FAILED : id % 5 == 0 ? TrialStatus.STOPPED : TrialStatus.COMPLETED;
            // Ties on purpose: equal accuracies are ordered by trial id.
            Map<String, Double> metrics = status == TrialStatus.FAILED ? Map.of() : Map.of("acc", (double) random.nextInt(100));
            all.add(result(id, status, metrics, Map.of("x", id)));
        }
        Objective maxAcc = new Objective("acc", Objective.Mode.MAX);
        TopTrials top = new TopTrials(maxAcc, EnumSet.of(TrialStatus.COMPLETED, TrialStatus.STOPPED), 25);
        all.forEach(top);

        List<TrialResult> expected = all.stream().filter(r -> r.status() != TrialStatus.FAILED)
                .sorted(Comparator.<TrialResult>comparingDouble(r -> -r.metrics().get("acc")).thenComparingInt(TrialResult::id))
                .limit(25).toList();
        assertEquals(expected, top.best());
    }

    @Test
    void trialsWithoutTheMetricComeLastAndEveryNameSeenIsKept() {
        TopTrials top = new TopTrials(new Objective("loss", Objective.Mode.MIN), EnumSet.allOf(TrialStatus.class), 3);
        top.accept(result(0, TrialStatus.FAILED, Map.of(), Map.of("a", 1)));
        top.accept(result(1, TrialStatus.COMPLETED, Map.of("loss", 2.0), Map.of("a", 2)));
        top.accept(result(2, TrialStatus.COMPLETED, Map.of("loss", 1.0, "acc", 0.5), Map.of("a", 3, "b", "x")));
        top.accept(result(3, TrialStatus.COMPLETED, Map.of("loss", 3.0), Map.of("a", 4)));
        assertEquals(List.of(2, 1, 3), top.best().stream().map(TrialResult::id).toList());
        assertEquals(Set.of("a", "b"), top.params());
        assertEquals(List.of("loss", "acc"), List.copyOf(top.metrics()));
    }
}
