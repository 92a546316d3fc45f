package io.sparktune.bench;

import io.sparktune.api.SparkTune;
import io.sparktune.core.TrialStatus;
import io.sparktune.report.ResultsTable;
import io.sparktune.report.TableExport;
import io.sparktune.testing.SyntheticSweep;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;

/**
 * How long {@code tune report}, {@code tune export} and {@code tune compare} take on a large sweep
 * directory: a synthetic journal of N trials (four parameters, one of them log-uniform and one a
 * choice; one trial in 50 failed), read on local[2]. Spark's start is timed apart.
 *   bench/report-scale.sh [TRIALS ...]   (default 20000 100000)
 */
public final class ReportScale {
    private ReportScale() {
    }

    public static void main(String[] args) throws Exception {
        String[] sizes = args.length == 0 ? new String[] {"20000", "100000"} : args;
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("report-scale")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        System.out.printf(Locale.ROOT, "spark start: %.1f s%n", seconds(t0));
        Path root = Files.createTempDirectory("sparktune-report-scale");
        for (String size : sizes) {
            int trials = Integer.parseInt(size);
            String dir = root.resolve("sweep-" + trials).toString();
            long write = System.nanoTime();
            SyntheticSweep.write(dir, "{\"params\": {\"lr\": \"loguniform[1e-5:1e-1]\", \"x\": \"uniform[0:1]\", "
                    + "\"units\": \"randint[16:512]\", \"opt\": \"[adam,sgd,adamw]\"}, \"trainable\": {\"type\": \"function\", "
                    + "\"function\": \"noisy\"}}", trials, c -> c.getLong("units") % 50 == 7 ? Double.NaN
                    : Math.pow(Math.log10(c.getDouble("lr")) + 3, 2) + c.getDouble("x") + (c.getString("opt").equals("sgd") ? 0.5 : 0), 0);
            System.out.printf(Locale.ROOT, "%d trials: journal written in %.1f s%n", trials, seconds(write));

            long report = System.nanoTime();
            Path html = root.resolve("report-" + trials + ".html");
            SparkTune.report(dir, html.toString(), null);
            System.out.printf(Locale.ROOT, "%d trials: tune report %.1f s, %d KiB, %d points in the trial plots%n", trials,
                    seconds(report), Files.size(html) / 1024, Files.readString(html).split("<circle", -1).length - 1);

            long export = System.nanoTime();
            Path parquet = root.resolve("trials-" + trials + ".parquet");
            SparkTune.export(dir, TableExport.Format.PARQUET, parquet.toString(), null);
            System.out.printf(Locale.ROOT, "%d trials: tune export --format parquet %.1f s, %d KiB%n", trials, seconds(export),
                    Files.size(parquet) / 1024);

            long compare = System.nanoTime();
            int shown = SparkTune.compare(dir, null, EnumSet.allOf(TrialStatus.class), 20, ResultsTable.DEFAULT_COLUMNS).rows().size();
            System.out.printf(Locale.ROOT, "%d trials: tune compare --top 20 (one pass over the journal, keeping %d) %.1f s%n",
                    trials, shown, seconds(compare));
        }
        spark.stop();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
