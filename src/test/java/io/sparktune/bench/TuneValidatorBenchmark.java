package io.sparktune.bench;

import io.sparktune.api.SparkTune;
import io.sparktune.cli.Main;
import io.sparktune.ml.ParamSpace;
import io.sparktune.ml.TuneValidator;
import io.sparktune.ml.TuneValidatorModel;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.ml.linalg.SQLDataTypes;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * MLlib's CrossValidator and TrainValidationSplit with a grid of 36 points against TuneValidator
 * with 36 trials, on a binary Fashion-MNIST task (written as Parquet first, then read back), the
 * same estimator and the same 3 folds (a fold column drawn per seed, given to both as foldCol),
 * local[2], parallelism 2. Prints a markdown row per run: best validation AUC, fits, wall time, how
 * many fits TuneValidator took to reach the grid's best, and the share of the wall time its trials
 * spent fitting (the sum of trial durations over parallelism × wall; the rest is per-trial overhead,
 * the data's caching and the final refit). TuneValidator's searcher is its default, {@code auto} (the
 * Gaussian process at this size). With {@code cli} among the methods (LR only), the same sweep also runs
 * through the CLI, {@code tune run} with a {@code sparkml} space file, in this JVM and Spark session,
 * on the rows written as Parquet with the same fold column ({@code "validation": {"folds": 3, "foldCol": "fold"}}).
 *
 * <p>Args: {@code --data DIR --rows 2000 --seeds 3 --first-seed 1 --estimators lr,rf,gbt --classes 0,6 --fidelity auto
 * --methods cv,tvs,fifo,asha,split --gbt-rounds 10} (seeds first-seed to first-seed + seeds - 1; asha's {@code fidelityParam}:
 * auto, rows, or an int param such as maxIter; methods: CrossValidator, TrainValidationSplit, TuneValidator with fifo, with
 * asha, with a train ratio, and {@code cli}, the CLI's sparkml sweep beside them; gbt-rounds: the GBT's maxIter).
 */
public final class TuneValidatorBenchmark {
    private static final int FOLDS = 3;

    private TuneValidatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("--data", "../shared/datasets/fashion-mnist", "--rows", "2000",
                "--seeds", "3", "--first-seed", "1", "--estimators", "lr,rf", "--classes", "0,6", "--fidelity", "auto",
                "--methods", "cv,tvs,fifo,asha,split", "--gbt-rounds", "10"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("tunevalidator-bench")
                .config("spark.ui.enabled", "false").config("spark.scheduler.mode", "FAIR")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        String[] classes = options.get("--classes").split(",");
        Path parquet = Files.createTempDirectory("fmnist-parquet").resolve("train.parquet");
        write(spark, Path.of(options.get("--data")), Integer.parseInt(options.get("--rows")),
                Double.parseDouble(classes[0]), Double.parseDouble(classes[1]), parquet);
        Dataset<Row> rows = spark.read().parquet(parquet.toString()).cache();
        System.out.println("data: " + rows.count() + " rows of Fashion-MNIST classes " + classes[0] + " vs " + classes[1]
                + ", 7x7 mean-pooled pixels (49 features), " + FOLDS + " folds");
        System.out.println("| estimator | seed | method | fits | best validation AUC | wall s | TuneValidator fits to reach the grid's best | trials' share of wall |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        int first = Integer.parseInt(options.get("--first-seed"));
        int seeds = Integer.parseInt(options.get("--seeds"));
        for (String estimator : options.get("--estimators").split(",")) {
            for (int seed = first; seed < first + seeds; seed++) {
                run(estimator, seed, rows, options.get("--fidelity"), List.of(options.get("--methods").split(",")),
                        Integer.parseInt(options.get("--gbt-rounds")));
            }
        }
        spark.stop();
    }

    private static void run(String name, long seed, Dataset<Row> unmarked, String fidelity, List<String> methods, int gbtRounds)
            throws IOException {
        // The same folds for both: CrossValidator's foldCol and TuneValidator's.
        Dataset<Row> rows = unmarked.withColumn("fold", foldColumn(seed)).cache();
        rows.count();
        BinaryClassificationEvaluator evaluator = new BinaryClassificationEvaluator();
        Setup setup = Setup.of(name, seed, gbtRounds);
        Estimator<?> estimator = setup.estimator();
        ParamMap[] grid = setup.grid();
        ParamSpace space = setup.space();
        int n = grid.length;

        long began = System.nanoTime();
        double cvBest = Double.NaN;
        if (methods.contains("cv")) {
            CrossValidatorModel cv = new CrossValidator().setEstimator(estimator).setEvaluator(evaluator).setEstimatorParamMaps(grid)
                    .setNumFolds(FOLDS).setFoldCol("fold").setParallelism(2).setSeed(seed).fit(rows);
            cvBest = Arrays.stream(cv.avgMetrics()).max().orElseThrow();
            row(name, seed, "CrossValidator grid", n * FOLDS, cvBest, seconds(began), "", "");
        }

        double tvsBest = Double.NaN;
        if (methods.contains("tvs")) {
            began = System.nanoTime();
            TrainValidationSplitModel tvs = new TrainValidationSplit().setEstimator(estimator).setEvaluator(evaluator)
                    .setEstimatorParamMaps(grid).setTrainRatio(0.75).setParallelism(2).setSeed(seed).fit(rows);
            tvsBest = Arrays.stream(tvs.validationMetrics()).max().orElseThrow();
            row(name, seed, "TrainValidationSplit grid", n, tvsBest, seconds(began), "", "");
        }

        for (String scheduler : List.of("fifo", "asha")) {
            if (!methods.contains(scheduler)) {
                continue;
            }
            began = System.nanoTime();
            TuneValidatorModel tv = new TuneValidator().setEstimator(estimator).setEvaluator(evaluator).setSpace(space)
                    .setNumFolds(FOLDS).setFoldCol("fold").setNumTrials(n).setParallelism(2).setScheduler(scheduler).setFidelityParam(fidelity).setSeed(seed).fit(rows);
            double wall = seconds(began);
            List<Row> trials = tv.trials().orderBy("trial_id").select("status", "areaUnderROC", "steps", "duration_s").collectAsList();
            row(name, seed, "TuneValidator auto " + scheduler, fits(trials), best(trials), wall, reach(trials, cvBest, FOLDS), share(trials, wall));
        }
        if (methods.contains("split")) {
            began = System.nanoTime();
            TuneValidatorModel split = new TuneValidator().setEstimator(estimator).setEvaluator(evaluator).setSpace(space)
                    .setTrainRatio(0.75).setNumTrials(n).setParallelism(2).setSeed(seed).fit(rows);
            double wall = seconds(began);
            List<Row> trials = split.trials().orderBy("trial_id").select("status", "areaUnderROC", "steps", "duration_s").collectAsList();
            row(name, seed, "TuneValidator auto, trainRatio 0.75", n, best(trials), wall, reach(trials, tvsBest, 1), share(trials, wall));
        }
        if (methods.contains("cli") && name.equals("lr")) {
            cli(seed, rows, n, cvBest);
        }
        rows.unpersist();
    }

    /** Each row's fold, 0 to 2, drawn with {@code seed}: the column both CrossValidator and TuneValidator take as foldCol. */
    static Column foldColumn(long seed) {
        return functions.floor(functions.rand(seed).multiply(FOLDS)).cast("int");
    }

    /** An estimator of the benchmark, its grid of 36 points and TuneValidator's space over the same ranges. */
    record Setup(Estimator<?> estimator, ParamMap[] grid, ParamSpace space) {
        static Setup of(String name, long seed, int gbtRounds) {
            if (name.equals("lr")) {
                LogisticRegression lr = new LogisticRegression().setMaxIter(50);
                return new Setup(lr, new ParamGridBuilder().addGrid(lr.regParam(), new double[] {1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1})
                        .addGrid(lr.elasticNetParam(), new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}).build(),
                        new ParamSpace().logUniform(lr.regParam(), 1e-5, 1).uniform(lr.elasticNetParam(), 0, 1));
            }
            if (name.equals("gbt")) {
                // maxIter is the number of trees: a fidelity whose fit cost grows with it (one tree after another).
                GBTClassifier gbt = new GBTClassifier().setMaxIter(gbtRounds).setSeed(seed);
                return new Setup(gbt, new ParamGridBuilder().addGrid(gbt.maxDepth(), new int[] {2, 3, 4, 5, 6, 7})
                        .addGrid(gbt.stepSize(), new double[] {0.05, 0.1, 0.2, 0.3, 0.5, 0.8}).build(),
                        new ParamSpace().intRange(gbt.maxDepth(), 2, 7).uniform(gbt.stepSize(), 0.05, 0.8));
            }
            if (name.equals("rf")) {
                RandomForestClassifier rf = new RandomForestClassifier().setNumTrees(20).setSeed(seed);
                return new Setup(rf, new ParamGridBuilder().addGrid(rf.maxDepth(), new int[] {2, 4, 6, 8, 10, 12})
                        .addGrid(rf.minInstancesPerNode(), new int[] {1, 2, 4, 8, 16, 32}).build(),
                        new ParamSpace().intRange(rf.maxDepth(), 2, 12).intRange(rf.minInstancesPerNode(), 1, 32));
            }
            throw new IllegalArgumentException("--estimators: unknown '" + name + "' (known: lr, rf, gbt)");
        }
    }

    /**
     * The LR sweep of TuneValidator's fifo row through the CLI: {@code tune run --space FILE} with a
     * {@code sparkml} trainable on the same rows (as Parquet, with the fold column), the same space,
     * searcher, seed, folds, trials and parallelism. The wall time counts from the command's start:
     * reading the Parquet, caching the folds, the sweep and its end (trials.parquet, the best).
     */
    private static void cli(long seed, Dataset<Row> rows, int n, double cvBest) throws IOException {
        Path dir = Files.createTempDirectory("tunevalidator-cli");
        String data = dir.resolve("train.parquet").toString();
        rows.write().parquet(data);
        Path space = dir.resolve("lr.json");
        Files.writeString(space, "{\"metric\": \"areaUnderROC\", \"mode\": \"max\",\n"
                + " \"params\": {\"regParam\": \"loguniform[1e-5:1]\", \"elasticNetParam\": \"uniform[0:1]\", \"maxIter\": 50},\n"
                + " \"trainable\": {\"type\": \"sparkml\", \"estimator\": \"org.apache.spark.ml.classification.LogisticRegression\",\n"
                + "  \"data\": {\"train\": \"" + data + "\", \"validation\": {\"folds\": " + FOLDS + ", \"foldCol\": \"fold\"}, \"features\": \"features\"},\n"
                + "  \"evaluator\": {\"type\": \"BinaryClassificationEvaluator\"}},\n"
                + " \"searcher\": {\"type\": \"auto\", \"seed\": " + seed + "}, \"budget\": {\"maxTrials\": " + n + ", \"parallelism\": 2}}\n");
        String out = dir.resolve("sweep").toString();
        long began = System.nanoTime();
        int code = Main.run(new String[] {"run", "--space", space.toString(), "--out", out}, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), System.err);
        double wall = seconds(began);
        if (code != 0) {
            throw new IllegalStateException("tune run exited " + code);
        }
        List<Row> trials = SparkTune.trials(rows.sparkSession(), out).orderBy("trial_id")
                .select("status", "areaUnderROC", "steps", "duration_s").collectAsList();
        row("lr", seed, "tune run, sparkml, auto fifo", fits(trials), best(trials), wall, reach(trials, cvBest, FOLDS), share(trials, wall));
    }

    private static double best(List<Row> trials) {
        return trials.stream().filter(r -> !r.isNullAt(1)).mapToDouble(r -> r.getDouble(1)).max().orElse(Double.NaN);
    }

    /** Fits made: a trial fits once per fold at each fidelity step it reached (asha: steps 1, 3, 9). */
    private static long fits(List<Row> trials) {
        long fits = 0;
        for (Row trial : trials) {
            long steps = trial.isNullAt(2) ? 1 : ((Number) trial.get(2)).longValue();
            fits += FOLDS * (steps >= 9 ? 3 : steps >= 3 ? 2 : 1);
        }
        return fits;
    }

    /** How many trials (in the order they started) it took to match the grid's best (when the grid ran), as fits. */
    private static String reach(List<Row> trials, double target, int fitsPerTrial) {
        if (Double.isNaN(target)) {
            return "";
        }
        for (int i = 0; i < trials.size(); i++) {
            if (!trials.get(i).isNullAt(1) && trials.get(i).getDouble(1) >= target) {
                return fitsPerTrial * (i + 1) + " (trial " + (i + 1) + ")";
            }
        }
        return "not reached";
    }

    /** The trials' summed durations over 2 (the parallelism) × the wall time. */
    private static String share(List<Row> trials, double wall) {
        double busy = trials.stream().mapToDouble(r -> ((Number) r.get(3)).doubleValue()).sum();
        return String.format("%.2f", busy / 2 / wall);
    }

    private static void row(String estimator, long seed, String method, long fits, double best, double wall, String reach, String share) {
        System.out.printf("| %s | %d | %s | %d | %.5f | %.1f | %s | %s |%n", estimator, seed, method, fits, best, wall, reach, share);
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }

    /** The first {@code rows} images of the two classes, 28x28 pooled to 7x7, label 1 for the second class. */
    static void write(SparkSession spark, Path dir, int rows, double negative, double positive, Path out) throws IOException {
        byte[] labels = idx(dir.resolve("train-labels-idx1-ubyte.gz"), 8);
        byte[] images = idx(dir.resolve("train-images-idx3-ubyte.gz"), 16);
        List<Row> table = new ArrayList<>();
        for (int i = 0; i < labels.length && table.size() < rows; i++) {
            if (labels[i] != negative && labels[i] != positive) {
                continue;
            }
            double[] pooled = new double[49];
            for (int p = 0; p < 784; p++) {
                pooled[(p / 28 / 4) * 7 + (p % 28) / 4] += (images[i * 784 + p] & 0xff) / 255.0 / 16;
            }
            table.add(RowFactory.create(labels[i] == positive ? 1.0 : 0.0, Vectors.dense(pooled)));
        }
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("features", SQLDataTypes.VectorType());
        spark.createDataFrame(table, schema).repartition(2).write().parquet(out.toString());
    }

    private static byte[] idx(Path file, int header) throws IOException {
        try (InputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            byte[] all = in.readAllBytes();
            return Arrays.copyOfRange(all, header, all.length);
        }
    }
}
