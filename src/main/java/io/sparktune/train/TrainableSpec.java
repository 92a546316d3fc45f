package io.sparktune.train;

import org.apache.spark.SparkContext;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A trainable's options as its {@link TrainableType} validated them on the driver: typed, with the
 * defaults filled in, and serialisable. Executors build their trainables from it as it is, so a bad
 * option is refused on the driver before anything runs and never in a trial.
 *
 * <p>{@link #prepare} runs on the driver once per run of a sweep, before the first trial starts.
 * {@link #create} runs on executors, once per trial run, with what {@code prepare} returned. The
 * spec travels with every trial task, so it should be small.
 */
public interface TrainableSpec extends Serializable {

    /**
     * Loads what every trial of the run shares, such as a dataset, and makes it reachable from the
     * executors, usually as a Spark {@link org.apache.spark.broadcast.Broadcast}: the result travels
     * with every trial task, so it should be small itself. A resumed sweep calls it again.
     *
     * @return what {@link #create} receives; null (the default) when nothing is shared
     */
    default Serializable prepare(SparkContext sc) throws IOException {
        return null;
    }

    /**
     * {@link #prepare(SparkContext)}, told how many trials the run keeps going at once: what the
     * driver loop calls. A trainable whose trials share a limit with each other (the {@code sparkml}
     * type's fits at once) sizes it here.
     */
    default Serializable prepare(SparkContext sc, int parallelism) throws IOException {
        return prepare(sc);
    }

    /**
     * Resources (class-path names such as {@code native/lib/pytorch.properties}) whose jars the
     * executors need beside tune.jar. When SparkTune starts Spark for a cluster itself, it ships the
     * jars that hold them; under spark-submit the user's {@code --jars} decide.
     */
    default List<String> executorResources() {
        return List.of();
    }

    /**
     * Whether trials run on the driver, each on its own thread, instead of in executor tasks: for
     * trainables whose trials are Spark jobs themselves (the {@code sparkml} type), which a task
     * cannot start. The driver loop is the same; only where a task of trials runs differs, and
     * {@link #create} then runs on the driver, where {@code prepared} never leaves the JVM.
     */
    default boolean runsOnDriver() {
        return false;
    }

    /**
     * The metrics every result holds, where the options fix their names before any trial runs (the
     * {@code sparkml} type's evaluator); empty where only the trials tell. The spec's objectives are
     * checked against them, so that a misnamed metric is refused before a sweep of FAILED trials.
     */
    default Optional<Set<String>> reportedMetrics() {
        return Optional.empty();
    }

    /**
     * Whether a trial paused at a rung can go on from where it stopped when a later round resumes it,
     * as hyperband and pbt need (pbt's exploit also copies a better trial's checkpoint). The sweep is
     * refused before it runs where it cannot, rather than refitting every paused trial from scratch.
     */
    default boolean resumesPausedTrials() {
        return true;
    }

    /** A trainable for one trial run, given what {@link #prepare} returned. */
    Trainable create(Serializable prepared);
}
