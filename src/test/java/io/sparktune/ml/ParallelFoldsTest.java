package io.sparktune.ml;

import io.sparktune.testing.TestSpark;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trial's folds fit at once, within the run's {@code parallelism} fits in all, on a real local[2]
 * Spark: shown by the start and end times Spark gives each trial's jobs (a trial's jobs are its job group's).
 */
class ParallelFoldsTest {
    private static Dataset<Row> rows;

    @BeforeAll
    static void data() {
        Dataset<Row> base = TestSpark.session().range(600)
                .select(functions.randn(3).as("a"), functions.randn(4).as("b"), functions.randn(5).as("noise"));
        rows = new VectorAssembler().setInputCols(new String[] {"a", "b"}).setOutputCol("features").transform(
                base.select(base.col("a"), base.col("b"), functions.when(base.col("a").minus(base.col("b"))
                        .plus(base.col("noise")).gt(0), 1.0).otherwise(0.0).as("label"))).cache();
        rows.count();
    }

    private static TuneValidator validator(int parallelism) {
        LogisticRegression lr = new LogisticRegression().setMaxIter(10);
        return new TuneValidator().setEstimator(lr).setEvaluator(new BinaryClassificationEvaluator())
                .setSpace("{\"regParam\": [0.001, 0.1], \"elasticNetParam\": [0, 1]}").setSearcher("grid")
                .setNumTrials(4).setNumFolds(3).setParallelism(parallelism).setSeed(5);
    }

    @Test
    void aTrialsFoldsFitAtTheSameTime() throws Exception {
        List<Job> jobs = Jobs.during(() -> validator(2).fit(rows));
        boolean overlap = false;
        for (Job a : jobs) {
            for (Job b : jobs) {
                overlap |= a != b && a.group().equals(b.group()) && a.start() < b.end() && b.start() < a.end();
            }
        }
        assertTrue(overlap, "no two jobs of one trial ran at once: " + jobs);
    }

    @Test
    void neverMoreFitsRunThanParallelism() throws Exception {
        // Each fit's jobs run one after another, so jobs at once bound fits at once from below.
        List<Job> jobs = Jobs.during(() -> validator(2).fit(rows));
        int most = 0;
        for (Job job : jobs) {
            long running = jobs.stream().filter(other -> other.start() <= job.start() && job.start() < other.end()).count();
            most = Math.max(most, (int) running);
        }
        assertEquals(2, most, "the most trial jobs running at once, of " + jobs.size());
    }

    @Test
    void foldMetricsAreTheSameAsWithOneFitAtATime() {
        List<Row> parallel = validator(3).fit(rows).trials().orderBy("trial_id").collectAsList();
        List<Row> oneAtATime = validator(1).fit(rows).trials().orderBy("trial_id").collectAsList();
        for (String metric : List.of("areaUnderROC_fold0", "areaUnderROC_fold1", "areaUnderROC_fold2", "areaUnderROC")) {
            for (int trial = 0; trial < parallel.size(); trial++) {
                // Within a few ulps, not bit for bit: the first run differed in the last bit, which Spark's
                // aggregation can do when it combines its tasks' partial results in the order they end.
                assertEquals(oneAtATime.get(trial).<Double>getAs(metric), parallel.get(trial).<Double>getAs(metric), 1e-12,
                        metric + " of trial " + trial);
            }
        }
    }

    /** A Spark job of a trial: its job group (the trial) and when Spark started and ended it. */
    record Job(String group, long start, long end) {
    }

    /** The jobs of SparkTune's trials that ran while {@code work} did, once the listener bus has delivered them. */
    private static final class Jobs extends SparkListener {
        private final Map<Integer, SparkListenerJobStart> started = new ConcurrentHashMap<>();
        private final List<Job> ended = java.util.Collections.synchronizedList(new ArrayList<>());

        static List<Job> during(Runnable work) throws Exception {
            SparkContext sc = TestSpark.session().sparkContext();
            Jobs jobs = new Jobs();
            sc.addSparkListener(jobs);
            try {
                work.run();
                sc.listenerBus().waitUntilEmpty();
            } finally {
                sc.removeSparkListener(jobs);
            }
            return List.copyOf(jobs.ended);
        }

        @Override
        public void onJobStart(SparkListenerJobStart job) {
            String group = job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
            if (group != null && group.startsWith("sparktune-")) {
                started.put(job.jobId(), job);
            }
        }

        @Override
        public void onJobEnd(SparkListenerJobEnd end) {
            SparkListenerJobStart start = started.remove(end.jobId());
            if (start != null) {
                ended.add(new Job(start.properties().getProperty("spark.jobGroup.id"), start.time(), end.time()));
            }
        }
    }
}
