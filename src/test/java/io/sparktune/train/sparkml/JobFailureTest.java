package io.sparktune.train.sparkml;

import io.sparktune.testing.TestSpark;
import io.sparktune.train.ClusterFaultException;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failed jobs of a real local[2] Spark, as a trial's fit meets them, and whose fault each is. */
class JobFailureTest {

    @Test
    void aTaskThatRejectsItsInputFailsTheTrialWithTheTasksOwnException() {
        SparkException failed = assertThrows(SparkException.class, () -> sc().parallelize(List.of(1, 2), 2).foreach(x -> {
            throw new IllegalArgumentException("regParam must be >= 0 but was -1");
        }));
        Exception meaning = JobFailure.of(failed);
        assertInstanceOf(IllegalArgumentException.class, meaning, meaning.toString());
        assertEquals("regParam must be >= 0 but was -1", meaning.getMessage());
    }

    @Test
    void aSparkExceptionThrownByATaskIsTheTrialsFaultWithItsMessage() {
        SparkException failed = assertThrows(SparkException.class, () -> sc().parallelize(List.of(1, 2), 2).foreach(x -> {
            throw new SparkException("labels must be 0 or 1");
        }));
        Exception meaning = JobFailure.of(failed);
        assertEquals(SparkException.class, meaning.getClass(), meaning.toString());
        assertEquals("labels must be 0 or 1", meaning.getMessage());
    }

    @Test
    void aClassTheExecutorsCannotLoadIsAClusterFaultNotTheTrials() {
        SparkException failed = assertThrows(SparkException.class, () -> sc().parallelize(List.of(1, 2), 2).foreach(x -> {
            Class.forName("com.example.NotShipped");
        }));
        Exception meaning = JobFailure.of(failed);
        assertInstanceOf(ClusterFaultException.class, meaning, meaning.toString());
        assertTrue(meaning.getMessage().contains("ClassNotFoundException: com.example.NotShipped"), meaning.getMessage());
    }

    @Test
    void aJobCancelledFromOutsideTheTrialIsAClusterFault() {
        SparkContext sc = TestSpark.session().sparkContext();
        String group = "job-failure-test-cancelled";
        SparkListener canceller = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                if (group.equals(start.properties().getProperty("spark.jobGroup.id"))) {
                    sc.cancelJobGroup(group);
                }
            }
        };
        sc.addSparkListener(canceller);
        sc.setJobGroup(group, "cancelled by the test", true);
        try {
            SparkException failed = assertThrows(SparkException.class, () -> sc().parallelize(List.of(1, 2), 2).foreach(x -> Thread.sleep(30_000)));
            Exception meaning = JobFailure.of(failed);
            assertInstanceOf(ClusterFaultException.class, meaning, meaning.toString());
            assertTrue(meaning.getMessage().contains("cancelled"), meaning.getMessage());
        } finally {
            sc.clearJobGroup();
            sc.removeSparkListener(canceller);
        }
    }

    private static JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
    }
}
