package io.sparktune.api;

import io.sparktune.core.InvalidInputException;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The Spark session a sweep runs on: the one spark-submit or a notebook made, or an embedded local
 * one that SparkTune starts (and stops) itself.
 */
final class SparkSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);
    private static final String SPECULATION = "spark.speculation";
    private final SparkSession session;
    private final boolean owned;

    private SparkSessions(SparkSession session, boolean owned) {
        this.session = session;
        this.owned = owned;
    }

    /**
     * @param executorJars what executors need when this makes a session for a cluster master; a
     *                     user's own {@code spark.jars} (spark-submit sets it too) takes precedence
     */
    static SparkSessions obtain(String appName, String master, List<String> executorJars) {
        scala.Option<SparkSession> active = SparkSession.getActiveSession();
        if (active.isEmpty()) {
            active = SparkSession.getDefaultSession();
        }
        // A stopped session stays "active" in its thread until another is made: it cannot run anything.
        if (active.isDefined() && !active.get().sparkContext().isStopped()) {
            return new SparkSessions(active.get(), false);
        }
        SparkSession.Builder builder = SparkSession.builder().appName(appName)
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8");
        String resolved = System.getProperty("spark.master", master == null ? "local[*]" : master);
        if (System.getProperty("spark.master") == null) {
            builder.master(resolved);
        }
        if (!resolved.startsWith("local") && System.getProperty("spark.jars") == null && !executorJars.isEmpty()) {
            builder.config("spark.jars", String.join(",", executorJars));
        }
        if (Boolean.parseBoolean(System.getProperty(SPECULATION))) {
            LOG.warn("{}=true ignored: a speculative copy of a trial would write the trial's files beside the original", SPECULATION);
        }
        builder.config(SPECULATION, "false");
        if (System.getProperty("spark.scheduler.mode") == null) {
            builder.config("spark.scheduler.mode", "FAIR");
        }
        return new SparkSessions(builder.getOrCreate(), true);
    }

    SparkSession session() {
        return session;
    }

    /**
     * Refuses a session with Spark's speculation on, for running trials: a speculative copy of a
     * trial's task would write its progress, rung records and checkpoints while the original does,
     * and a trial has at most one live writer. A session SparkTune starts has speculation off (it
     * owns those jobs, so it overrides a cluster-wide default); a running session's settings are
     * fixed, so its owner has to turn it off, and the run stops before any trial starts.
     */
    SparkSessions refusingSpeculation() {
        if (session.sparkContext().getConf().getBoolean(SPECULATION, false)) {
            throw new InvalidInputException(SPECULATION, "true", "would run two copies of a trial at once, both writing "
                    + "its files; start the Spark session for SparkTune with " + SPECULATION + "=false");
        }
        return this;
    }

    @Override
    public void close() {
        if (owned) {
            session.stop();
        }
    }
}
