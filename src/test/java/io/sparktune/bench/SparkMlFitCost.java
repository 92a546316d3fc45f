package io.sparktune.bench;

import io.sparktune.train.sparkml.EstimatorParams;
import io.sparktune.train.sparkml.Fidelity;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one fit costs at each of asha's rungs, on the data and grids of {@link TuneValidatorBenchmark}
 * (issue 15): for every point of an estimator's grid, one fold's fit and its AUC on the validation rows,
 * one at a time, at the three fidelities asha uses there ({@code auto}: 1/9, 1/3 and all of the
 * iterations or trees), with the Spark jobs each started. From these it prints two shares of the
 * grid's 36 full fits: what asha's first rung alone costs (every one of 36 trials fits there, so no
 * asha run of 36 trials can cost less), and what synchronous successive halving with η = 3 costs
 * (36, 12 and 4 trials at the rungs: asha's asynchronous rule promotes more or fewer, depending on
 * the order the trials arrive in).
 *
 * <p>Args: {@code --data DIR --rows 1000 --estimators lr,gbt,rf --classes 0,6}.
 */
public final class SparkMlFitCost {
    private static final List<Long> RUNGS = List.of(1L, 3L, 9L);
    private static final int[] TRIALS_AT_RUNG = {36, 12, 4};

    private SparkMlFitCost() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("--data", "../shared/datasets/fashion-mnist", "--rows", "1000",
                "--estimators", "lr,gbt,rf", "--classes", "0,6"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("fit-cost-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        AtomicLong jobs = new AtomicLong();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                jobs.incrementAndGet();
            }
        });
        String[] classes = options.get("--classes").split(",");
        Path parquet = Files.createTempDirectory("fmnist-parquet").resolve("train.parquet");
        TuneValidatorBenchmark.write(spark, Path.of(options.get("--data")), Integer.parseInt(options.get("--rows")),
                Double.parseDouble(classes[0]), Double.parseDouble(classes[1]), parquet);
        // Fold 0 of the benchmark's seed-1 fold column: two thirds to fit on, one third to score.
        Dataset<Row> rows = spark.read().parquet(parquet.toString())
                .withColumn("fold", TuneValidatorBenchmark.foldColumn(1)).cache();
        Dataset<Row> train = rows.filter("fold != 0").cache();
        Dataset<Row> validation = rows.filter("fold = 0").cache();
        System.out.println("data: " + train.count() + " training and " + validation.count() + " validation rows, classes "
                + classes[0] + " vs " + classes[1] + "; each fit alone, then its AUC on the validation rows");
        System.out.println("| estimator | rung | iterations | s per fit and AUC | Spark jobs per fit and AUC | share of a full fit |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        BinaryClassificationEvaluator evaluator = new BinaryClassificationEvaluator();
        for (String name : options.get("--estimators").split(",")) {
            TuneValidatorBenchmark.Setup setup = TuneValidatorBenchmark.Setup.of(name, 1, 10);
            Estimator<?> estimator = setup.estimator();
            Fidelity fidelity = Fidelity.of(RUNGS, Fidelity.AUTO, estimator, EstimatorParams.of(estimator), "fidelity");
            // The first fits of a JVM pay for class loading and code generation: one fit that is not counted.
            fitAndScore(estimator, setup.grid()[0], train, validation, evaluator);
            double[] seconds = new double[RUNGS.size()];
            double[] jobsPerFit = new double[RUNGS.size()];
            for (int r = 0; r < RUNGS.size(); r++) {
                long jobsBefore = jobs.get();
                long began = System.nanoTime();
                for (ParamMap point : setup.grid()) {
                    fitAndScore(estimator, fidelity.at(RUNGS.get(r), point, estimator), train, validation, evaluator);
                }
                seconds[r] = (System.nanoTime() - began) / 1e9 / setup.grid().length;
                jobsPerFit[r] = (double) (jobs.get() - jobsBefore) / setup.grid().length;
            }
            double full = seconds[RUNGS.size() - 1];
            double halving = 0;
            Param<Object> count = estimator.getParam(fidelity.iterations());
            for (int r = 0; r < RUNGS.size(); r++) {
                ParamMap atRung = fidelity.at(RUNGS.get(r), setup.grid()[0], estimator);
                Object iterations = atRung.contains(count) ? atRung.apply(count) : estimator.getOrDefault(count);
                System.out.printf("| %s | %d of %d | %s %s | %.3f | %.1f | %.2f |%n", name, RUNGS.get(r), fidelity.last(), iterations,
                        fidelity.iterations(), seconds[r], jobsPerFit[r], seconds[r] / full);
                halving += TRIALS_AT_RUNG[r] * seconds[r];
            }
            System.out.printf("%s: of the grid's 36 full fits, the first rung alone costs %.2f, synchronous halving (36, 12 and 4 trials) %.2f%n",
                    name, seconds[0] / full, halving / (TRIALS_AT_RUNG[0] * full));
        }
        spark.stop();
    }

    private static void fitAndScore(Estimator<?> estimator, ParamMap params, Dataset<Row> train, Dataset<Row> validation,
                                    BinaryClassificationEvaluator evaluator) {
        Model<?> model = (Model<?>) estimator.fit(train, params);
        evaluator.evaluate(model.transform(validation));
    }
}
