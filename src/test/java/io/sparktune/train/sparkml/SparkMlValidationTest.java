package io.sparktune.train.sparkml;

import io.sparktune.core.InvalidInputException;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A sparkml spec is checked against the estimator's and evaluator's real Spark ML params before anything runs. */
class SparkMlValidationTest {
    private static final String RF = "org.apache.spark.ml.classification.RandomForestClassifier";
    private static final String DATA = "{\"train\": \"/data/train.parquet\"}";
    private static final String EVALUATOR = "{\"type\": \"MulticlassClassificationEvaluator\", \"metricName\": \"accuracy\"}";

    private static String refusal(String params, String trainable) {
        String json = "{\"params\": " + params + ", \"trainable\": " + trainable + "}";
        return assertThrows(InvalidInputException.class, () -> SpecParser.parse("s.json", json, "s", new Overrides())).getMessage();
    }

    private static String trainable(String estimator, String data, String evaluator, String extra) {
        return "{\"type\": \"sparkml\", \"estimator\": \"" + estimator + "\", \"data\": " + data + ", \"evaluator\": " + evaluator + extra + "}";
    }

    @Test
    void aMisspelledParamIsRefusedWithTheEstimatorsKnownParams() {
        String message = refusal("{\"maxDepht\": [2, 4]}", trainable(RF, DATA, EVALUATOR, ""));
        assertEquals("s.json: params.maxDepht: RandomForestClassifier has no param 'maxDepht' (known: bootstrap, cacheNodeIds, "
                + "checkpointInterval, featureSubsetStrategy, featuresCol, impurity, labelCol, leafCol, maxBins, maxDepth, "
                + "maxMemoryInMB, minInfoGain, minInstancesPerNode, minWeightFractionPerNode, numTrees, predictionCol, "
                + "probabilityCol, rawPredictionCol, seed, subsamplingRate, weightCol)", message);
    }

    @Test
    void aRealValueForAWholeNumberParamIsRefused() {
        assertEquals("s.json: params.maxDepth: RandomForestClassifier.maxDepth is an int param: expected a whole number, got 2.5",
                refusal("{\"maxDepth\": \"uniform[2.5:8]\"}", trainable(RF, DATA, EVALUATOR, "")));
    }

    @Test
    void aValueOutsideTheParamsOwnRangeIsRefused() {
        String message = refusal("{\"maxDepth\": [3, 31]}", trainable(RF, DATA, EVALUATOR, ""));
        assertEquals(true, message.startsWith("s.json: params.maxDepth: RandomForestClassifier.maxDepth does not take 31 (Maximum depth"), message);
    }

    @Test
    void aStringParamTakesOnlyStrings() {
        assertEquals("s.json: params.impurity: RandomForestClassifier.impurity is a string param: expected a string, got 1",
                refusal("{\"impurity\": [1, 2]}", trainable(RF, DATA, EVALUATOR, "")));
    }

    @Test
    void anEstimatorMissingFromTheClassPathIsRefused() {
        assertEquals("s.json: trainable.estimator: no class com.acme.Forest on the class path",
                refusal("{\"maxDepth\": [2]}", trainable("com.acme.Forest", DATA, EVALUATOR, "")));
    }

    @Test
    void aClassThatIsNoEstimatorIsRefused() {
        assertEquals("s.json: trainable.estimator: java.lang.Object is not a Spark ML Estimator",
                refusal("{\"maxDepth\": [2]}", trainable("java.lang.Object", DATA, EVALUATOR, "")));
    }

    @Test
    void anUnknownEvaluatorParamIsRefusedWithItsKnownParams() {
        assertEquals("s.json: trainable.evaluator.metric: MulticlassClassificationEvaluator has no param 'metric' (known: beta, "
                        + "eps, labelCol, metricLabel, metricName, predictionCol, probabilityCol, weightCol)",
                refusal("{\"maxDepth\": [2]}", trainable(RF, DATA, "{\"type\": \"MulticlassClassificationEvaluator\", \"metric\": \"f1\"}", "")));
    }

    @Test
    void anEvaluatorMetricItDoesNotKnowIsRefused() {
        String message = refusal("{\"maxDepth\": [2]}", trainable(RF, DATA, "{\"type\": \"BinaryClassificationEvaluator\", \"metricName\": \"accuracy\"}", ""));
        assertEquals(true, message.startsWith("s.json: trainable.evaluator.metricName: BinaryClassificationEvaluator.metricName does not take accuracy"), message);
    }

    @Test
    void aValidationThatIsNeitherPathSplitNorFoldsIsRefused() {
        assertEquals("s.json: trainable.data.validation: expected a path, {\"split\": 0.2}, {\"folds\": 3} "
                + "or {\"folds\": 3, \"foldCol\": \"fold\"}, got {fold=3}",
                refusal("{\"maxDepth\": [2]}", trainable(RF, "{\"train\": \"t\", \"validation\": {\"fold\": 3}}", EVALUATOR, "")));
    }

    @Test
    void aFoldColumnThatIsNoNameIsRefused() {
        assertEquals("s.json: trainable.data.validation.foldCol: expected a column's name, got 3",
                refusal("{\"maxDepth\": [2]}", trainable(RF, "{\"train\": \"t\", \"validation\": {\"folds\": 3, \"foldCol\": 3}}", EVALUATOR, "")));
    }

    @Test
    void oneFoldIsRefused() {
        assertEquals("s.json: trainable.data.validation.folds: expected a whole number from 2 to 100, got 1",
                refusal("{\"maxDepth\": [2]}", trainable(RF, "{\"train\": \"t\", \"validation\": {\"folds\": 1}}", EVALUATOR, "")));
    }

    @Test
    void anUnknownFormatIsRefused() {
        assertEquals("s.json: trainable.data.format: unknown format 'orc' (expected one of parquet, csv, libsvm, table)",
                refusal("{\"maxDepth\": [2]}", trainable(RF, "{\"train\": \"t\", \"format\": \"orc\"}", EVALUATOR, "")));
    }

    @Test
    void fidelityStepsMustAscend() {
        assertEquals("s.json: trainable.fidelity: expected ascending positive whole steps such as [1, 3, 9] (a trial fits on 1/9, "
                        + "3/9 and all of the training rows), got [3, 1]",
                refusal("{\"maxDepth\": [2]}", trainable(RF, DATA, EVALUATOR, ", \"fidelity\": [3, 1]")));
    }
}
