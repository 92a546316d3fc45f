package io.sparktune.api;

import io.sparktune.core.History;
import io.sparktune.core.Trial;
import io.sparktune.search.Searcher;
import io.sparktune.spec.SweepSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The trials a run of a sweep would start first, made with the master seed that run would use, so a
 * preview shows what runs and not some other draw.
 *
 * @param seed       the master seed the trials were made with
 * @param seedSource where the seed comes from
 * @param planned    how many trials the sweep runs in all: the budget, or the grid size, or the default
 * @param trials     every trial up to the limit for grid, random and sobol search; a searcher that
 *                   learns from results shows only its first batch
 */
public record SweepPreview(long seed, SeedSource seedSource, int planned, List<Trial> trials) {

    public enum SeedSource {
        /** The directory holds this sweep already: a run resumes it with its seed. */
        SWEEP,
        /** The spec gives the seed. */
        SPEC,
        /** Drawn for this preview, as a run without a seed draws its own: only a run given it makes these trials. */
        DRAWN
    }

    static SweepPreview of(SweepSpec spec, String out, int limit) {
        SweepRun.Target target = SweepRun.Target.of(spec, out);
        long seed = target.masterSeed(spec);
        SeedSource source = target.sweep().isPresent() ? SeedSource.SWEEP : spec.seed().isPresent() ? SeedSource.SPEC : SeedSource.DRAWN;
        Searcher searcher = spec.searcher().create(spec.space(), seed);
        int planned = spec.budget().totalTrials(searcher.size());
        int count = Math.min(limit, searcher.learns() ? spec.budget().parallelismIfSet().orElse(1) : planned);
        List<Trial> trials = new ArrayList<>();
        for (var config : searcher.suggest(count, new History())) {
            trials.add(Trial.firstAttempt(trials.size(), config, seed));
        }
        return new SweepPreview(seed, source, planned, List.copyOf(trials));
    }
}
