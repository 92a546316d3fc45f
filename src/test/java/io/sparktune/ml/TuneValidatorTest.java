package io.sparktune.ml;

import io.sparktune.core.InvalidInputException;
import io.sparktune.testing.TestSpark;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TuneValidator as a Spark ML estimator on a real local[2] Spark: fit, pipelines, save and load, asha. */
class TuneValidatorTest {
    private static SparkSession spark;
    private static Dataset<Row> rows;
    @TempDir
    Path tmp;

    @BeforeAll
    static void data() {
        spark = TestSpark.session();
        Dataset<Row> base = spark.range(600).select(functions.randn(3).as("a"), functions.randn(4).as("b"), functions.randn(5).as("noise"));
        rows = new VectorAssembler().setInputCols(new String[] {"a", "b"}).setOutputCol("features").transform(
                base.select(base.col("a"), base.col("b"), functions.when(base.col("a").minus(base.col("b"))
                        .plus(base.col("noise")).gt(0), 1.0).otherwise(0.0).as("label"))).cache();
    }

    private static TuneValidator validator(LogisticRegression lr) {
        return new TuneValidator().setEstimator(lr).setEvaluator(new BinaryClassificationEvaluator())
                .setSpace(new ParamSpace().logUniform(lr.regParam(), 1e-4, 1).uniform(lr.elasticNetParam(), 0, 1))
                .setNumTrials(6).setParallelism(2).setSeed(7);
    }

    @Test
    void fittingRunsTheTrialsOnEveryFoldAndRefitsTheBestParamsOnAllRows() {
        LogisticRegression lr = new LogisticRegression().setMaxIter(20);
        TuneValidatorModel model = validator(lr).setNumFolds(3).fit(rows);
        List<Row> trials = model.trials().collectAsList();
        assertEquals(6, trials.size());
        List<String> columns = Arrays.asList(model.trials().columns());
        for (String fold : List.of("areaUnderROC_fold0", "areaUnderROC_fold1", "areaUnderROC_fold2", "areaUnderROC")) {
            assertTrue(columns.contains(fold), "trial table columns: " + columns);
        }
        Row best = model.trials().orderBy(functions.col("areaUnderROC").desc()).first();
        LogisticRegressionModel fitted = (LogisticRegressionModel) model.bestModel();
        // The sweep names params without the estimator's random uid, so that the next session's estimator resumes it.
        assertEquals(best.<Double>getAs("regParam"), fitted.getRegParam(), 1e-12);
        assertEquals(best.<Double>getAs("elasticNetParam"), fitted.getElasticNetParam(), 1e-12);
        double auc = new BinaryClassificationEvaluator().evaluate(model.transform(rows));
        assertTrue(auc > 0.8, "the refitted best model separates the classes: AUC " + auc);
    }

    @Test
    void itSitsInAPipelineAndTunesTheStagesOfAPipeline() {
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"a", "b"}).setOutputCol("assembled");
        LogisticRegression lr = new LogisticRegression().setFeaturesCol("assembled").setMaxIter(10);
        Pipeline inner = new Pipeline().setStages(new PipelineStage[] {assembler, lr});
        TuneValidator tv = new TuneValidator().setEstimator(inner).setEvaluator(new BinaryClassificationEvaluator())
                .setSpace("{\"stage1.regParam\": \"loguniform[1e-4:1]\"}").setTrainRatio(0.75).setNumTrials(4).setSeed(3);
        PipelineModel outer = new Pipeline().setStages(new PipelineStage[] {tv}).fit(rows.drop("features"));
        Dataset<Row> scored = outer.transform(rows.drop("features"));
        assertTrue(Arrays.asList(scored.columns()).contains("prediction"), Arrays.toString(scored.columns()));
        assertEquals(4, ((TuneValidatorModel) outer.stages()[0]).trials().count());
    }

    @Test
    void aSavedModelLoadsAndPredictsAsItDid() throws Exception {
        TuneValidatorModel model = validator(new LogisticRegression().setMaxIter(10)).setTrainRatio(0.8).fit(rows);
        String path = tmp.resolve("tv-model").toString();
        model.write().save(path);
        TuneValidatorModel loaded = TuneValidatorModel.load(path);
        assertEquals(model.transform(rows).select("prediction").collectAsList(), loaded.transform(rows).select("prediction").collectAsList());
        assertEquals(6, loaded.trials().count());
    }

    @Test
    void aPipelineModelHoldingItSavesAndLoads() throws Exception {
        LogisticRegression lr = new LogisticRegression().setMaxIter(10);
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {validator(lr).setNumTrials(2).setTrainRatio(0.8)}).fit(rows);
        String path = tmp.resolve("pipeline-model").toString();
        fitted.write().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        assertEquals(fitted.transform(rows).select("prediction").collectAsList(), loaded.transform(rows).select("prediction").collectAsList());
    }

    @Test
    void anUnfittedOneSavesAndLoadsWithItsParamsEstimatorAndEvaluator() throws Exception {
        LogisticRegression lr = new LogisticRegression().setMaxIter(7);
        TuneValidator tv = validator(lr).setTrainRatio(0.7).setScheduler("asha").setSweepDir(tmp.resolve("sweep").toUri().toString());
        String path = tmp.resolve("tv").toString();
        tv.write().save(path);
        TuneValidator loaded = TuneValidator.load(path);
        assertEquals(tv.uid(), loaded.uid());
        for (var param : List.of(tv.space(), tv.trainRatio(), tv.numTrials(), tv.parallelism(), tv.scheduler(), tv.sweepDir(), tv.seed())) {
            assertEquals(tv.getOrDefault(param), loaded.getOrDefault(loaded.getParam(param.name())), param.name());
        }
        assertEquals(false, loaded.isSet(loaded.numFolds()), "numFolds was left to its default");
        LogisticRegression estimator = (LogisticRegression) loaded.getOrDefault(loaded.estimator());
        assertEquals(lr.uid(), estimator.uid());
        assertEquals(7, estimator.getMaxIter());
        assertEquals("areaUnderROC", ((BinaryClassificationEvaluator) loaded.getOrDefault(loaded.evaluator())).getMetricName());
    }

    @Test
    void aPipelineHoldingAnUnfittedOneSavesLoadsAndFits() throws Exception {
        LogisticRegression lr = new LogisticRegression().setMaxIter(10);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {validator(lr).setNumTrials(2).setTrainRatio(0.8)});
        String path = tmp.resolve("pipeline").toString();
        pipeline.write().save(path);
        Pipeline loaded = Pipeline.load(path);
        TuneValidator stage = (TuneValidator) loaded.getStages()[0];
        assertEquals(2, stage.getOrDefault(stage.numTrials()));
        PipelineModel fitted = loaded.fit(rows);
        assertEquals(2, ((TuneValidatorModel) fitted.stages()[0]).trials().count());
    }

    @Test
    void withAFoldColumnItScoresAParamPointAsCrossValidatorDoesOnTheSameFolds() {
        Dataset<Row> marked = rows.withColumn("fold", functions.pmod(functions.monotonically_increasing_id(), functions.lit(3)).cast("int")).cache();
        LogisticRegression lr = new LogisticRegression().setMaxIter(20);
        TuneValidatorModel tuned = new TuneValidator().setEstimator(lr).setEvaluator(new BinaryClassificationEvaluator())
                .setSpace("{\"regParam\": [0.01], \"elasticNetParam\": [0.5]}").setSearcher("grid").setNumTrials(1)
                .setNumFolds(3).setFoldCol("fold").fit(marked);
        CrossValidatorModel grid = new CrossValidator().setEstimator(lr).setEvaluator(new BinaryClassificationEvaluator())
                .setEstimatorParamMaps(new ParamGridBuilder().addGrid(lr.regParam(), new double[] {0.01})
                        .addGrid(lr.elasticNetParam(), new double[] {0.5}).build())
                .setNumFolds(3).setFoldCol("fold").fit(marked);
        assertEquals(grid.avgMetrics()[0], tuned.trials().first().<Double>getAs("areaUnderROC"), 1e-9);
    }

    @Test
    void aFoldColumnThatLeavesAFoldEmptyIsRefused() {
        Dataset<Row> marked = rows.withColumn("fold", functions.pmod(functions.monotonically_increasing_id(), functions.lit(2)).cast("int"));
        TuneValidator tv = validator(new LogisticRegression()).setNumFolds(3).setFoldCol("fold");
        assertEquals("foldCol: column 'fold' marks rows of only 2 of the 3 folds 0 to 2: each fold needs rows to validate on",
                assertThrows(IllegalArgumentException.class, () -> tv.fit(marked)).getMessage());
    }

    @Test
    void ashaStopsSomeTrialsOnAFractionOfTheRows() {
        TuneValidatorModel model = validator(new LogisticRegression().setMaxIter(10)).setNumTrials(9).setParallelism(1)
                .setTrainRatio(0.8).setScheduler("asha").setFidelityParam("rows").setSearcher("random").fit(rows);
        long stopped = model.trials().filter(functions.col("status").equalTo("STOPPED")).count();
        assertTrue(stopped > 0, "asha stopped no trial of 9: " + model.trials().collectAsList());
    }

    @Test
    void aParamTheEstimatorDoesNotHaveIsRefusedWithTheKnownOnes() {
        LogisticRegression lr = new LogisticRegression();
        TuneValidator tv = new TuneValidator().setEstimator(lr).setEvaluator(new BinaryClassificationEvaluator())
                .setSpace("{\"maxDepth\": [2, 4]}");
        String message = assertThrows(InvalidInputException.class, () -> tv.fit(rows)).getMessage();
        assertTrue(message.startsWith("params.maxDepth: LogisticRegression has no param 'maxDepth' (known: aggregationDepth, elasticNetParam,"), message);
    }
}
