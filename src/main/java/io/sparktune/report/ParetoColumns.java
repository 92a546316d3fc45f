package io.sparktune.report;

import io.sparktune.core.Feasibility;
import io.sparktune.core.Goals;
import io.sparktune.core.TrialResult;
import io.sparktune.pareto.TrialRanks;
import io.sparktune.store.JournalTrials;
import io.sparktune.store.SweepDirectory;
import io.sparktune.store.SweepFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rank}, {@code feasible} and {@code infeasible_because} columns of a sweep with several
 * objectives or constraints: ranks need every trial at once, so the driver computes them from the
 * journal and joins them to the table by trial id.
 */
final class ParetoColumns {
    static final String RANK = "rank";
    static final String FEASIBLE = "feasible";
    static final String REASON = "infeasible_because";
    private static final StructType SCHEMA = new StructType()
            .add("trial_id", DataTypes.IntegerType, false)
            .add(RANK, DataTypes.IntegerType, true)
            .add(FEASIBLE, DataTypes.BooleanType, false)
            .add(REASON, DataTypes.StringType, true);

    private ParetoColumns() {
    }

    static TrialTable add(SparkSession spark, SweepDirectory dir, TrialTable table) throws IOException {
        Goals goals = SweepFile.read(dir).map(SweepFile::goals).orElse(null);
        if (goals == null || goals.single() || table.isEmpty()) {
            return table;
        }
        List<TrialResult> results = new ArrayList<>();
        JournalTrials.read(dir, results::add);
        TrialRanks ranks = TrialRanks.of(goals, results);
        List<Row> rows = new ArrayList<>();
        for (TrialResult r : results) {
            Feasibility f = goals.feasibility(r);
            rows.add(RowFactory.create(r.id(), ranks.rank(r.id()).map(TrialRanks.TrialRank::rank).orElse(null), f.feasible(),
                    f.feasible() ? null : f.reason()));
        }
        Dataset<Row> joined = table.rows().join(spark.createDataFrame(rows, SCHEMA), "trial_id").orderBy("trial_id");
        return new TrialTable(joined, table.params(), table.metrics());
    }
}
