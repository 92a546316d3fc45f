package io.sparktune.report;

import io.sparktune.api.SparkTune;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.testing.ReportedSweep;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepTableTest {
    @Test
    void everyReportedStepIsARowOfItsTrial() throws Exception {
        Dataset<Row> steps = SparkTune.steps(TestSpark.session(), ReportedSweep.dir());
        TrialResult completed = new SweepFiles(ReportedSweep.dir()).results().stream()
                .filter(r -> r.status() == TrialStatus.COMPLETED).findFirst().orElseThrow();
        List<Row> rows = steps.filter("trial_id = " + completed.id()).orderBy("step").collectAsList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), rows.stream().map(r -> r.<Long>getAs("step")).toList());
        // LogLoss reports loss + 1/step - 0.2: its last step is its final loss.
        assertEquals(completed.metrics().get("loss"), rows.get(4).<Double>getAs("loss"), 1e-12);
    }
}
