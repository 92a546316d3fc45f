package io.sparktune.engine;

import io.sparktune.core.Config;
import io.sparktune.core.Trial;
import io.sparktune.schedule.Rounds;
import io.sparktune.search.Searcher;
import io.sparktune.store.Journal;
import io.sparktune.store.JournalRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * New trials for a synchronous scheduler's rounds, numbered and seeded as the engine numbers its own.
 * Each is journaled as started when it is made, not only when a slot frees for it: a round's
 * decisions need every trial of the round, so a driver that resumes must run again the ones that
 * never got a slot as well.
 */
final class RoundTrials implements Rounds.TrialSource {
    private final SweepState state;
    private final Searcher searcher;
    private final long masterSeed;
    private final int total;
    private final Journal journal;

    RoundTrials(SweepState state, Searcher searcher, long masterSeed, int total, Journal journal) {
        this.state = state;
        this.searcher = searcher;
        this.masterSeed = masterSeed;
        this.total = total;
        this.journal = journal;
    }

    @Override
    public int created() {
        return state.history().created();
    }

    @Override
    public List<Trial> suggest(int count) {
        int room = Math.min(count, total - created());
        List<Trial> trials = new ArrayList<>();
        if (room > 0) {
            searcher.suggest(room, state.history()).forEach(config -> trials.add(create(config)));
        }
        return trials;
    }

    @Override
    public Trial create(Config config) {
        int id = created();
        Trial trial = Trial.firstAttempt(id, config, masterSeed);
        state.started(trial);
        journal.add(new JournalRecord.Started(trial, System.currentTimeMillis()));
        return trial;
    }
}
