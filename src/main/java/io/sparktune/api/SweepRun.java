package io.sparktune.api;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Messages;
import io.sparktune.core.ToolVersion;
import io.sparktune.engine.LoopOutcome;
import io.sparktune.engine.SweepEngine;
import io.sparktune.report.TrialParquet;
import io.sparktune.spec.SpecIdentity;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.Journal;
import io.sparktune.store.StoreUnavailableException;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepFile;
import io.sparktune.store.SweepLock;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One run of a sweep: open (or create) its directory, check that it holds this sweep, take the lock,
 * run the engine, and leave the consolidated table behind.
 */
final class SweepRun {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private SweepRun() {
    }

    static String defaultOut(String name) {
        return "sweeps/" + SafeNames.of(name);
    }

    static SweepOutcome execute(SweepSpec spec, RunOptions options) throws IOException, InterruptedException {
        Target target = Target.of(spec, options.out());
        SweepDirectory dir = target.dir();
        Optional<SweepFile> existing = target.sweep();
        long masterSeed = target.masterSeed(spec);
        String restartLocation = restartLocation(options.restartFrom(), existing, dir);
        SweepDirectory restartFrom = restartLocation == null ? null : restartSource(restartLocation, dir);
        if (options.retryFailed() && existing.isEmpty()) {
            throw new InvalidInputException("--retry-failed", dir.uri(), "holds no sweep (no sweep.json): there are no FAILED trials to run again");
        }
        String runId = ZonedDateTime.now(ZoneOffset.UTC).format(RUN_ID) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        try (SweepLock lock = SweepLock.acquire(dir, runId, options.lockStale(), options.progress()::println)) {
            if (existing.isEmpty()) {
                new SweepFile(spec.name(), spec.goals(), spec.identity(), masterSeed, ToolVersion.CURRENT, System.currentTimeMillis(),
                        restartFrom == null ? null : restartFrom.uri()).write(dir);
            }
            LazySpark spark = new LazySpark("sparktune " + spec.name(), options.master(), ExecutorJars.forTrainable(spec.trainable()));
            try {
                SweepEngine engine = new SweepEngine(spec, dir, masterSeed, runId, lock, spark::context,
                        options.progress(), options.progressMillis(), restartFrom, options.retryFailed());
                LoopOutcome loop;
                try {
                    loop = engine.run();
                } catch (InvalidInputException e) {
                    // Bad data the run found before any trial: unmade, the sweep this run made would refuse the corrected spec.
                    if (existing.isEmpty() && Journal.fileCount(dir) == 0) {
                        SweepFile.delete(dir);
                    }
                    throw e;
                }
                if (loop.ranTrials() || !TrialParquet.exists(dir)) {
                    TrialParquet.write(dir);
                }
                return SweepOutcome.of(loop);
            } finally {
                spark.close();
            }
        }
    }

    /**
     * The directory a run of {@code spec} writes to, and the sweep it holds already, checked to be
     * this one: the run refuses what {@link #of} refuses, and a preview too.
     */
    record Target(SweepDirectory dir, Optional<SweepFile> sweep) {
        static Target of(SweepSpec spec, String out) {
            String location = out == null ? defaultOut(spec.name()) : out;
            Target target;
            try {
                SweepDirectory dir = SweepDirectory.at(location, HadoopConf.fromSparkProperties());
                target = new Target(dir, SweepFile.read(dir));
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new StoreUnavailableException("cannot reach the sweep directory " + location + ": " + Messages.firstLine(e.getMessage()), e);
            }
            target.sweep().ifPresent(stored -> checkSameSweep(stored, spec, target.dir()));
            return target;
        }

        /** The seed a resumed sweep keeps, else the spec's, else a new random one for a new sweep. */
        long masterSeed(SweepSpec spec) {
            return sweep.map(SweepFile::masterSeed)
                    .orElseGet(() -> spec.seed().orElseGet(() -> new SecureRandom().nextLong() & Long.MAX_VALUE));
        }
    }

    /**
     * The sweep that seeds the searcher: the one sweep.json recorded when the sweep was made, so a
     * re-run resumes with the same history without repeating the flag; or the flag's, for a new sweep.
     */
    private static String restartLocation(String flag, Optional<SweepFile> existing, SweepDirectory dir) throws IOException {
        if (existing.isEmpty()) {
            return flag;
        }
        String recorded = existing.get().restartFrom();
        if (flag != null && (recorded == null || !SweepDirectory.at(flag, dir.conf()).uri().equals(recorded))) {
            throw new InvalidInputException("--restart-from", flag, recorded == null
                    ? "the sweep in " + dir.uri() + " was started without --restart-from; a restart seeds only a new sweep"
                    : "the sweep in " + dir.uri() + " was started with --restart-from " + recorded + "; leave the flag out to resume it");
        }
        return recorded;
    }

    /** The sweep that --restart-from names: an existing sweep directory other than this one. */
    private static SweepDirectory restartSource(String location, SweepDirectory dir) throws IOException {
        SweepDirectory other = SweepDirectory.at(location, HadoopConf.fromSparkProperties());
        if (other.uri().equals(dir.uri())) {
            throw new InvalidInputException("--restart-from", location, "is this sweep's own directory; to resume it, leave --restart-from out");
        }
        if (SweepFile.read(other).isEmpty()) {
            throw new InvalidInputException("--restart-from", location, "holds no sweep (no sweep.json)");
        }
        return other;
    }

    private static void checkSameSweep(SweepFile stored, SweepSpec spec, SweepDirectory dir) {
        Optional<String> difference = SpecIdentity.firstDifference(stored.identity(), spec.identity());
        if (difference.isPresent()) {
            throw new InvalidInputException("--out", dir.uri(), "holds a different sweep (" + difference.get()
                    + "); use another --out, or run the original spec to resume it");
        }
        if (spec.seed().isPresent() && spec.seed().getAsLong() != stored.masterSeed()) {
            throw new InvalidInputException("--out", dir.uri(), "holds a sweep with seed " + stored.masterSeed()
                    + ", not " + spec.seed().getAsLong());
        }
    }

    /** Starts Spark only when a trial has to run, so resuming a finished sweep answers at once. */
    private static final class LazySpark implements AutoCloseable {
        private final String appName;
        private final String master;
        private final List<String> executorJars;
        private SparkSessions sessions;

        LazySpark(String appName, String master, List<String> executorJars) {
            this.appName = appName;
            this.master = master;
            this.executorJars = executorJars;
        }

        synchronized org.apache.spark.sql.SparkSession session() {
            if (sessions == null) {
                sessions = SparkSessions.obtain(appName, master, executorJars).refusingSpeculation();
            }
            return sessions.session();
        }

        org.apache.spark.SparkContext context() {
            return session().sparkContext();
        }

        @Override
        public void close() {
            if (sessions != null) {
                sessions.close();
            }
        }
    }

    /** Hadoop settings the way Spark passes them to the driver: {@code spark.hadoop.*} properties. */
    static final class HadoopConf {
        private HadoopConf() {
        }

        static Configuration fromSparkProperties() {
            scala.Option<org.apache.spark.sql.SparkSession> active = org.apache.spark.sql.SparkSession.getActiveSession();
            if (active.isDefined()) {
                return active.get().sparkContext().hadoopConfiguration();
            }
            Configuration conf = new Configuration();
            System.getProperties().stringPropertyNames().stream()
                    .filter(k -> k.startsWith("spark.hadoop."))
                    .forEach(k -> conf.set(k.substring("spark.hadoop.".length()), System.getProperty(k)));
            return conf;
        }
    }
}
