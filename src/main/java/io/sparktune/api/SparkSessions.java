package io.sparktune.api;

import org.apache.spark.sql.SparkSession;

import java.util.List;

/**
 * The Spark session a sweep runs on: the one spark-submit or a notebook made, or an embedded local
 * one that SparkTune starts (and stops) itself.
 */
final class SparkSessions implements AutoCloseable {
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
        if (System.getProperty("spark.scheduler.mode") == null) {
            builder.config("spark.scheduler.mode", "FAIR");
        }
        return new SparkSessions(builder.getOrCreate(), true);
    }

    SparkSession session() {
        return session;
    }

    @Override
    public void close() {
        if (owned) {
            session.stop();
        }
    }
}
