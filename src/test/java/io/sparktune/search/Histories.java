package io.sparktune.search;

import io.sparktune.core.History;
import io.sparktune.core.Observation;

import java.util.Comparator;
import java.util.List;

/** Histories that the searcher tests share. */
final class Histories {
    private Histories() {
    }

    /** The history a restarted driver rebuilds from the journal: these observations, each started and finished. */
    static History of(List<Observation> observations) {
        History history = new History();
        for (Observation o : observations) {
            history.started(o.trialId(), o.config(), true);
            history.finished(o.trialId());
            history.observe(o);
        }
        return history;
    }

    /** The observations of {@code history} with the worst one given the loss of the next worst, so that two losses tie. */
    static History worstTwoTied(History history) {
        List<Observation> byLoss = history.observations().stream().sorted(Comparator.comparingDouble(Observation::loss)).toList();
        Observation worst = byLoss.get(byLoss.size() - 1);
        double nextWorst = byLoss.get(byLoss.size() - 2).loss();
        return of(history.observations().stream()
                .map(o -> o.trialId() == worst.trialId() ? new Observation(o.trialId(), o.config(), nextWorst, o.status(), o.steps()) : o)
                .toList());
    }
}
