package io.sparktune.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the driver knows when it asks for suggestions: how many trials exist, which finished with an
 * objective, and which run now. Searchers that learn nothing from results never get observations
 * added, so a 100,000-trial grid keeps nothing per trial here.
 */
public final class History {
    private final List<Observation> observations = new ArrayList<>();
    private final Map<Integer, Config> pending = new LinkedHashMap<>();
    private int created;
    private int imported;

    /** Trials created so far; the next trial's id. */
    public int created() {
        return created;
    }

    public List<Observation> observations() {
        return Collections.unmodifiableList(observations);
    }

    /** Configs of trials that run now, so a batch-aware searcher does not suggest them again. */
    public List<Config> pending() {
        return List.copyOf(pending.values());
    }

    public void started(int trialId, Config config, boolean keepConfig) {
        created = Math.max(created, trialId + 1);
        if (keepConfig) {
            pending.put(trialId, config);
        }
    }

    public void finished(int trialId) {
        pending.remove(trialId);
    }

    /**
     * Adds a result. Results carried over from another sweep ({@code tune run --restart-from}) have
     * negative trial ids, older first, so they never clash with this sweep's own ids.
     */
    public void observe(Observation observation) {
        observations.add(observation);
        if (observation.trialId() < 0) {
            imported++;
        }
    }

    /** How many observations came from another sweep; a searcher may skip its initial design for them. */
    public int imported() {
        return imported;
    }
}
