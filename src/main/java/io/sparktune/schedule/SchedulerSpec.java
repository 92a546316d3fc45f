package io.sparktune.schedule;

import io.sparktune.core.Goals;
import io.sparktune.space.Space;
import io.sparktune.store.SweepDirectory;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A scheduler's options as {@link Schedulers#validate} checked them on the driver: typed, with the
 * defaults filled in, and serialisable. Executors make their {@link Scheduler} from it as it is,
 * so a bad option is refused before anything runs and never in a trial.
 */
public sealed interface SchedulerSpec extends Serializable {

    /** The executor side, for one run of one trial. */
    Scheduler create(Goals goals, SweepDirectory dir);

    /** Whether trials pause at rungs and resume in later rounds (hyperband, pbt). */
    default boolean pausesTrials() {
        return false;
    }

    /** The driver side of hyperband and pbt; empty for the schedulers that decide on executors alone. */
    default Optional<Rounds> rounds(Space space, SweepDirectory dir, long masterSeed) {
        return Optional.empty();
    }

    record FifoOptions() implements SchedulerSpec {
        @Override
        public Scheduler create(Goals goals, SweepDirectory dir) {
            return new FifoScheduler();
        }
    }

    record AshaOptions(long maxSteps, long gracePeriod, int reductionFactor, int brackets) implements SchedulerSpec {
        @Override
        public Scheduler create(Goals goals, SweepDirectory dir) {
            return new AshaScheduler(dir, maxSteps, gracePeriod, reductionFactor, brackets);
        }
    }

    record MedianOptions(long gracePeriod, int minSamples) implements SchedulerSpec {
        @Override
        public Scheduler create(Goals goals, SweepDirectory dir) {
            return new MedianScheduler(dir, goals, gracePeriod, minSamples, Schedulers.PROGRESS_MILLIS);
        }
    }

    record HyperbandOptions(long maxSteps, long gracePeriod, int reductionFactor) implements SchedulerSpec {
        @Override
        public boolean pausesTrials() {
            return true;
        }

        @Override
        public Scheduler create(Goals goals, SweepDirectory dir) {
            return new PausingScheduler(dir, maxSteps);
        }

        @Override
        public Optional<Rounds> rounds(Space space, SweepDirectory dir, long masterSeed) {
            return Optional.of(new Hyperband(dir, new Brackets(maxSteps, gracePeriod, reductionFactor), reductionFactor));
        }
    }

    /** @param mutations the parameters that exploration may change: the ones named, or every parameter of the space */
    record PbtOptions(long maxSteps, long perturbationInterval, double quantile, double resampleProbability, List<String> mutations)
            implements SchedulerSpec {
        public PbtOptions {
            mutations = List.copyOf(mutations);
        }
        @Override
        public boolean pausesTrials() {
            return true;
        }


        @Override
        public Scheduler create(Goals goals, SweepDirectory dir) {
            return new PausingScheduler(dir, maxSteps);
        }

        @Override
        public Optional<Rounds> rounds(Space space, SweepDirectory dir, long masterSeed) {
            return Optional.of(new PopulationTraining(dir, maxSteps, perturbationInterval, quantile,
                    new Exploration(space, resampleProbability, mutations), masterSeed));
        }
    }
}
