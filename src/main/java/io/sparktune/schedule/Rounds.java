package io.sparktune.schedule;

import io.sparktune.core.Config;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;

import java.io.IOException;
import java.util.List;

/**
 * The driver side of a synchronous scheduler (hyperband, pbt), which runs trials in rounds. The
 * engine calls {@link #next} whenever no trial runs, with the trials that paused in the round that
 * just ended (at the step budgets this object set), and runs what it returns; an empty round ends
 * the sweep. The rung records in the sweep directory, not memory, carry what the decisions rest
 * on, so a driver that resumes a sweep reruns the paused trials (they pause again at once) and then
 * decides as the dead one would have.
 */
public interface Rounds {

    Round next(List<TrialResult> paused, TrialSource trials) throws IOException;

    /** New trials, as the engine makes them: the next ids, seeds from the master seed. */
    interface TrialSource {
        /** Trials created so far in the sweep. */
        int created();

        /** Up to {@code count} new trials from the searcher, fewer when the budget or the searcher runs out. */
        List<Trial> suggest(int count);

        /** A new trial with a config the scheduler made. */
        Trial create(Config config);
    }
}
