package io.sparktune.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepOutcome;
import io.sparktune.core.Goals;
import io.sparktune.core.Objective;
import io.sparktune.core.PluginSpec;
import io.sparktune.core.Resources;
import io.sparktune.schedule.SchedulerSpec;
import io.sparktune.schedule.Schedulers;
import io.sparktune.search.SearcherSpec;
import io.sparktune.search.Searchers;
import io.sparktune.space.Space;
import io.sparktune.spec.Budget;
import io.sparktune.spec.SweepSpec;
import io.sparktune.train.sparkml.EstimatorParams;
import io.sparktune.train.sparkml.EstimatorTrial;
import io.sparktune.train.sparkml.FoldColumn;
import io.sparktune.train.sparkml.Fidelity;
import io.sparktune.train.sparkml.SharedData;
import org.apache.hadoop.fs.FileUtil;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A Spark ML {@link Estimator} that tunes another estimator (or a {@code Pipeline}) with a SparkTune
 * sweep, in place of MLlib's {@code CrossValidator} or {@code TrainValidationSplit}: a Bayesian or
 * other searcher proposes the params, {@code parallelism} trials fit at once as concurrent Spark jobs
 * from the driver, asha may stop weak trials on a fraction of the training rows, and the best params
 * are refitted on the whole dataset, as CrossValidator does. With a sweep directory the sweep is kept
 * there, so an interrupted fit resumes, and {@code tune compare}, {@code report} and {@code status}
 * read it. Unfitted, it saves and loads as CrossValidator does ({@code metadata/} with its own params,
 * {@code estimator/} and {@code evaluator/} in their own Spark ML formats), alone or in a Pipeline.
 */
public final class TuneValidator extends Estimator<TuneValidatorModel> implements MLWritable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** asha's rungs: 1/9, 1/3 and all of the training rows or iterations. */
    private static final List<Long> RUNGS = List.of(1L, 3L, 9L);
    private static final List<String> SCHEDULERS = List.of("fifo", "asha", "median");

    private final String uid;
    private final Param<Estimator<?>> estimator;
    private final Param<Evaluator> evaluator;
    private final Param<String> space;
    private final IntParam numFolds;
    private final Param<String> foldCol;
    private final DoubleParam trainRatio;
    private final IntParam numTrials;
    private final IntParam parallelism;
    private final Param<String> searcher;
    private final Param<String> scheduler;
    private final Param<String> fidelityParam;
    private final Param<String> sweepDir;
    private final LongParam seed;

    public TuneValidator() {
        this(Identifiable$.MODULE$.randomUID("tuneValidator"));
    }

    public TuneValidator(String uid) {
        this.uid = uid;
        estimator = new Param<>(this, "estimator", "the estimator or pipeline to tune");
        evaluator = new Param<>(this, "evaluator", "the evaluator whose metric selects the params");
        space = new Param<>(this, "space", "the search space, as SparkTune's JSON params");
        numFolds = new IntParam(this, "numFolds", "k of k-fold cross-validation (>= 2), unless trainRatio is set");
        foldCol = new Param<>(this, "foldCol", "a column of fold numbers, 0 to numFolds-1, that sets which fold validates on each row"
                + " (as CrossValidator's foldCol); unset: folds by a seeded hash of each row");
        trainRatio = new DoubleParam(this, "trainRatio", "the share of rows to train on, the rest validating (0 to 1); unset: numFolds");
        numTrials = new IntParam(this, "numTrials", "how many param combinations to try (>= 1)");
        parallelism = new IntParam(this, "parallelism", "fits at once, over trials and their folds (>= 1)");
        searcher = new Param<>(this, "searcher", "auto, tpe, gp, cmaes, random, sobol or grid");
        scheduler = new Param<>(this, "scheduler", "fifo, or asha or median to stop weak trials on a fraction of the rows");
        fidelityParam = new Param<>(this, "fidelityParam", "what asha's rungs scale: auto (numTrees of a forest, else maxIter where the"
                + " estimator has it, else the rows), rows, or an int param of the estimator");
        sweepDir = new Param<>(this, "sweepDir", "where the sweep is kept (any Hadoop path); unset: a temporary folder");
        seed = new LongParam(this, "seed", "the sweep's master seed");
        setDefault(numFolds, 3);
        setDefault(numTrials, 20);
        setDefault(parallelism, 2);
        setDefault(searcher, "auto");
        setDefault(scheduler, "fifo");
        setDefault(fidelityParam, Fidelity.AUTO);
        setDefault(seed, (long) TuneValidator.class.getName().hashCode());
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<Estimator<?>> estimator() {
        return estimator;
    }

    public Param<Evaluator> evaluator() {
        return evaluator;
    }

    public Param<String> space() {
        return space;
    }

    public IntParam numFolds() {
        return numFolds;
    }

    public Param<String> foldCol() {
        return foldCol;
    }

    public DoubleParam trainRatio() {
        return trainRatio;
    }

    public IntParam numTrials() {
        return numTrials;
    }

    public IntParam parallelism() {
        return parallelism;
    }

    public Param<String> searcher() {
        return searcher;
    }

    public Param<String> scheduler() {
        return scheduler;
    }

    public Param<String> fidelityParam() {
        return fidelityParam;
    }

    public Param<String> sweepDir() {
        return sweepDir;
    }

    public LongParam seed() {
        return seed;
    }

    public TuneValidator setEstimator(Estimator<?> value) {
        set(estimator, value);
        return this;
    }

    public TuneValidator setEvaluator(Evaluator value) {
        set(evaluator, value);
        return this;
    }

    public TuneValidator setSpace(ParamSpace value) {
        set(space, value.toJson());
        return this;
    }

    /** The space as SparkTune's JSON {@code params}. */
    public TuneValidator setSpace(String json) {
        return setSpace(ParamSpace.fromJson(json));
    }

    public TuneValidator setNumFolds(int value) {
        set(numFolds, value);
        return this;
    }

    public TuneValidator setFoldCol(String value) {
        set(foldCol, value);
        return this;
    }

    public TuneValidator setTrainRatio(double value) {
        set(trainRatio, value);
        return this;
    }

    public TuneValidator setNumTrials(int value) {
        set(numTrials, value);
        return this;
    }

    public TuneValidator setParallelism(int value) {
        set(parallelism, value);
        return this;
    }

    public TuneValidator setSearcher(String value) {
        set(searcher, value);
        return this;
    }

    public TuneValidator setScheduler(String value) {
        set(scheduler, value);
        return this;
    }

    public TuneValidator setFidelityParam(String value) {
        set(fidelityParam, value);
        return this;
    }

    public TuneValidator setSweepDir(String value) {
        set(sweepDir, value);
        return this;
    }

    public TuneValidator setSeed(long value) {
        set(seed, value);
        return this;
    }

    @Override
    public TuneValidatorModel fit(Dataset<?> dataset) {
        Estimator<?> tuned = getOrDefault(estimator);
        Evaluator metric = getOrDefault(evaluator);
        EstimatorParams params = EstimatorParams.of(tuned);
        ParamSpace stable = ParamSpace.fromJson(getOrDefault(space)).renamed(params::stableName);
        Space searched = stable.space();
        params.check(searched);
        String schedulerType = getOrDefault(scheduler);
        if (!SCHEDULERS.contains(schedulerType)) {
            throw new IllegalArgumentException("scheduler: expected one of " + String.join(", ", SCHEDULERS) + ", got " + schedulerType);
        }
        int fitsAtOnce = checkedParallelism();
        if (!isSet(trainRatio) && isSet(foldCol)) {
            FoldColumn.problem(dataset.toDF(), getOrDefault(foldCol), checkedFolds()).ifPresent(problem -> {
                throw new IllegalArgumentException("foldCol: " + problem);
            });
        }
        SharedData data = isSet(trainRatio) ? SharedData.split(dataset.toDF(), 0, 1 - checkedRatio(), fitsAtOnce)
                : isSet(foldCol) ? SharedData.byColumn(dataset.toDF(), getOrDefault(foldCol), checkedFolds(), fitsAtOnce)
                : SharedData.split(dataset.toDF(), checkedFolds(), 0, fitsAtOnce);
        boolean temporary = !isSet(sweepDir);
        String dir = temporary ? temporaryDir() : getOrDefault(sweepDir);
        try {
            Fidelity fidelity = schedulerType.equals("fifo") ? Fidelity.NONE
                    : Fidelity.of(RUNGS, getOrDefault(fidelityParam), tuned, params, "fidelityParam");
            SweepSpec spec = spec(stable, searched, new ValidatorTrials(tuned, params, metric, fidelity, data), schedulerType, metric, tuned);
            SweepOutcome outcome = SparkTune.run(spec, new RunOptions(dir, null, RunOptions.DEFAULT_LOCK_STALE,
                    new PrintStream(PrintStream.nullOutputStream()), RunOptions.DEFAULT_PROGRESS_MILLIS));
            if (outcome.best() == null) {
                throw new IllegalStateException("no trial succeeded (" + outcome.counts() + "); see the trials in " + dir);
            }
            SparkSession spark = dataset.sparkSession();
            Dataset<Row> table = SparkTune.trials(spark, dir);
            // Kept in memory: the table outlives a temporary sweep directory, and it is small.
            Dataset<Row> trials = spark.createDataFrame(table.collectAsList(), table.schema());
            ParamMap best = params.paramMap(outcome.best().config());
            Model<?> bestModel = (Model<?>) tuned.fit(dataset, best);
            return new TuneValidatorModel(uid, bestModel, trials).setParent(this);
        } catch (IOException e) {
            throw new UncheckedIOException("the sweep in " + dir + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tuning", e);
        } finally {
            data.release();
            if (temporary) {
                FileUtil.fullyDelete(new File(java.net.URI.create(dir)).getParentFile());
            }
        }
    }

    private SweepSpec spec(ParamSpace stable, Space searched, ValidatorTrials trials, String schedulerType, Evaluator metric,
                           Estimator<?> tuned) {
        String searcherType = getOrDefault(searcher);
        SearcherSpec searcherSpec = Searchers.validate(PluginSpec.of(searcherType), searched, "searcher");
        Map<String, Object> schedulerOptions = schedulerType.equals("asha")
                ? Map.of("maxSteps", 9L, "gracePeriod", 1L, "reductionFactor", 3L) : Map.of();
        SchedulerSpec schedulerSpec = Schedulers.validate(new PluginSpec(schedulerType, schedulerOptions), "scheduler", searched);
        String metricName = EstimatorTrial.metricName(metric);
        Objective objective = new Objective(metricName, metric.isLargerBetter() ? Objective.Mode.MAX : Objective.Mode.MIN);
        Budget budget = new Budget((Integer) getOrDefault(numTrials), (Integer) getOrDefault(parallelism), null, null, 1);
        // What makes a rerun with a sweep directory the same sweep: everything but the budget.
        ObjectNode identity = JSON.createObjectNode();
        identity.put("estimator", tuned.getClass().getName());
        identity.put("evaluator", metric.getClass().getName() + " " + metricName);
        identity.set("params", readTree(stable.toJson()));
        identity.put("validation", isSet(trainRatio) ? "trainRatio " + checkedRatio()
                : "numFolds " + checkedFolds() + (isSet(foldCol) ? " by " + getOrDefault(foldCol) : ""));
        identity.put("searcher", searcherType);
        identity.put("scheduler", schedulerType);
        identity.put("fidelityParam", getOrDefault(fidelityParam));
        return new SweepSpec("tunevalidator", Goals.of(objective), searched, trials, searcherSpec, schedulerSpec, budget, Resources.DEFAULT,
                OptionalLong.of((Long) getOrDefault(seed)), identity.toString());
    }

    private int checkedFolds() {
        int folds = (Integer) getOrDefault(numFolds);
        if (folds < 2) {
            throw new IllegalArgumentException("numFolds: expected 2 or more, got " + folds);
        }
        return folds;
    }

    private int checkedParallelism() {
        int fits = (Integer) getOrDefault(parallelism);
        if (fits < 1) {
            throw new IllegalArgumentException("parallelism: expected 1 or more, got " + fits);
        }
        return fits;
    }

    private double checkedRatio() {
        double ratio = (Double) getOrDefault(trainRatio);
        if (!(ratio > 0 && ratio < 1)) {
            throw new IllegalArgumentException("trainRatio: expected a fraction between 0 and 1, got " + ratio);
        }
        return ratio;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String temporaryDir() {
        try {
            return Files.createTempDirectory("tunevalidator-").resolve("sweep").toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary sweep directory", e);
        }
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return getOrDefault(estimator).transformSchema(schema);
    }

    @Override
    public TuneValidator copy(ParamMap extra) {
        return (TuneValidator) defaultCopy(extra);
    }

    /** Its params, and its estimator and evaluator, which must be MLWritable themselves. */
    @Override
    public MLWriter write() {
        return new MLWriter() {
            @Override
            public void saveImpl(String path) {
                saveStage(getOrDefault(estimator), path + "/estimator");
                saveStage(getOrDefault(evaluator), path + "/evaluator");
                ObjectNode metadata = StageMetadata.of(TuneValidator.class, uid, sparkSession());
                ObjectNode values = (ObjectNode) metadata.get("paramMap");
                for (Param<?> param : params()) {
                    if (param != estimator && param != evaluator && isSet(param)) {
                        Param<Object> typed = EstimatorParams.typed(param);
                        values.set(param.name(), readTree(typed.jsonEncode(getOrDefault(typed))));
                    }
                }
                StageMetadata.write(sparkSession(), path, metadata);
            }
        };
    }

    private static void saveStage(Params stage, String path) {
        if (!(stage instanceof MLWritable writable)) {
            throw new UnsupportedOperationException(stage.getClass().getName() + " cannot be saved: it is not MLWritable");
        }
        try {
            writable.write().save(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + path, e);
        }
    }

    /** Spark ML's way to a stage's loader, which {@code Pipeline.load} calls for each stage. */
    public static MLReader<TuneValidator> read() {
        return new MLReader<>() {
            @Override
            public TuneValidator load(String path) {
                JsonNode metadata = StageMetadata.read(sparkSession(), path, TuneValidator.class);
                TuneValidator loaded = new TuneValidator(metadata.path("uid").asText());
                SparkContext sc = sparkSession().sparkContext();
                loaded.setEstimator(DefaultParamsReader$.MODULE$.loadParamsInstance(path + "/estimator", sc));
                loaded.setEvaluator(DefaultParamsReader$.MODULE$.loadParamsInstance(path + "/evaluator", sc));
                metadata.path("paramMap").fields().forEachRemaining(value -> {
                    Param<Object> param = EstimatorParams.typed(loaded.getParam(value.getKey()));
                    loaded.set(param, param.jsonDecode(value.getValue().toString()));
                });
                return loaded;
            }
        };
    }

    /** Loads a TuneValidator that {@link #write()} saved. */
    public static TuneValidator load(String path) {
        return read().load(path);
    }
}
