package io.sparktune.engine;

import io.sparktune.testing.TestSpark;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import scala.collection.JavaConverters;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the Spark tasks of one sweep's jobs, recognised by the sweep's name in their descriptions. */
final class TaskCount extends SparkListener {
    private final String sweepName;
    private final AtomicInteger tasks = new AtomicInteger();

    private TaskCount(String sweepName) {
        this.sweepName = sweepName;
    }

    static TaskCount of(String sweepName) {
        TaskCount count = new TaskCount(sweepName);
        TestSpark.session().sparkContext().addSparkListener(count);
        return count;
    }

    @Override
    public void onJobStart(SparkListenerJobStart job) {
        String description = job.properties().getProperty("spark.job.description");
        if (description != null && description.startsWith(sweepName + ":")) {
            JavaConverters.seqAsJavaList(job.stageInfos()).forEach(stage -> tasks.addAndGet(stage.numTasks()));
        }
    }

    /** The tasks started so far, once the listener bus has delivered every event. */
    int count() throws java.util.concurrent.TimeoutException {
        SparkContext sc = TestSpark.session().sparkContext();
        sc.listenerBus().waitUntilEmpty();
        sc.removeSparkListener(this);
        return tasks.get();
    }
}
