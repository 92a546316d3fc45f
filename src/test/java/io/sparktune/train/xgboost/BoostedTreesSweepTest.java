package io.sparktune.train.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.api.BestTrial;
import io.sparktune.api.ExitCode;
import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepOutcome;
import io.sparktune.core.Config;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import io.sparktune.data.TrainingData;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.Json;
import io.sparktune.store.ProgressLog;
import io.sparktune.testing.Datasets;
import io.sparktune.testing.LocalTrialContext;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import io.sparktune.testing.TrainableSweeps;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** xgboost trials on a real local[2] Spark, real files and XGBoost's real native library. */
class BoostedTreesSweepTest {
    @RegisterExtension
    final TrainableSweeps sweeps = new TrainableSweeps();

    /** Three (or {@code classes}) separable blobs; {@code trainable} is extra options of the trainable. */
    private String blobs(int classes, String params, String trainable, String extra) {
        Path csv = Datasets.blobs(sweeps.dir(), 600, classes, 1);
        return "{\"metric\": \"val_loss\", \"params\": {" + params + "},"
                + " \"trainable\": {\"type\": \"xgboost\"" + trainable + ", \"data\": {\"train\": \"" + csv
                + "\", \"format\": \"csv\", \"split\": 0.2}}" + extra + "}";
    }

    @Test
    void aMultiClassTrialReportsValLossAndValAccuracyEveryRound() throws Exception {
        SweepOutcome outcome = sweeps.run(blobs(3, "\"num_round\": 4, \"max_depth\": 3", "", ""), "multi");
        assertEquals(ExitCode.COMPLETE, outcome.exitCode(), sweeps.console());
        TrialResult result = sweeps.completed("multi", 0);
        assertTrue(result.metrics().get("val_accuracy") > 0.9, "val_accuracy " + result.metrics());
        List<ProgressLog.Step> steps = sweeps.steps("multi", 0);
        assertEquals(List.of(1L, 2L, 3L, 4L), steps.stream().map(ProgressLog.Step::step).toList());
        for (ProgressLog.Step step : steps) {
            assertEquals(Set.of("val_loss", "val_accuracy"), step.metrics().keySet(), "round " + step.step());
        }
        assertTrue(steps.get(3).metrics().get("val_loss") < steps.get(0).metrics().get("val_loss"), "the loss fell: " + steps);
    }

    @Test
    void aTwoClassTrialIsBinaryLogistic() throws Exception {
        sweeps.run(blobs(2, "\"num_round\": 3", "", ""), "binary");
        TrialResult result = sweeps.completed("binary", 0);
        assertTrue(result.metrics().get("val_accuracy") > 0.9, "val_accuracy " + result.metrics());
        JsonNode description = Json.MAPPER.readTree(sweeps.dir().resolve("binary/trials/0/model/description.json").toFile());
        assertEquals("binary:logistic", description.get("objective").asText());
    }

    @Test
    void aRegressionTrialReportsValRmse() throws Exception {
        sweeps.run(sweeps.linearSpace("xgboost", "\"num_round\": 30, \"eta\": 0.3"), "regression");
        TrialResult result = sweeps.completed("regression", 0);
        assertEquals(Set.of("val_loss", "val_rmse"), result.metrics().keySet());
        // The target's standard deviation is about 1.1: a model that learnt nothing scores near that.
        assertTrue(result.metrics().get("val_rmse") < 0.4, "val_rmse " + result.metrics());
    }

    @Test
    void reportEveryReportsEveryKRoundsAndTheLast() throws Exception {
        sweeps.run(blobs(3, "\"num_round\": 5", ", \"reportEvery\": 2", ""), "every");
        assertEquals(List.of(2L, 4L, 5L), sweeps.steps("every", 0).stream().map(ProgressLog.Step::step).toList());
    }

    @Test
    void earlyStoppingEndsTheTrialOnceValLossStopsFalling() throws Exception {
        // eta 1 on separable blobs: the loss bottoms out within a few rounds of 200.
        sweeps.run(blobs(3, "\"num_round\": 200, \"eta\": 1.0, \"early_stopping_rounds\": 3", "", ""), "early");
        List<ProgressLog.Step> steps = sweeps.steps("early", 0);
        assertTrue(steps.size() < 200, steps.size() + " rounds");
        JsonNode description = Json.MAPPER.readTree(sweeps.dir().resolve("early/trials/0/model/description.json").toFile());
        assertEquals(steps.size() - 1 - 3, description.get("best_iteration").asInt(), "the best round was 3 before the last");
    }

    @Test
    void anUnknownHyperparameterIsRejectedNamingTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainableSweeps.spec(blobs(3, "\"learning_rate\": 0.1", "", "")));
        assertEquals("test.json: params.learning_rate: unknown hyperparameter for trainable 'xgboost' (known: alpha, colsample_bylevel,"
                + " colsample_bytree, early_stopping_rounds, eta, gamma, grow_policy, lambda, max_bin, max_depth, max_leaves,"
                + " min_child_weight, num_round, scale_pos_weight, subsample)", e.getMessage());
    }

    @Test
    void anUnknownGrowPolicyIsRejectedBeforeAnyTrialRuns() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrainableSweeps.spec(blobs(3, "\"grow_policy\": {\"choice\": [\"depthwise\", \"leafwise\"]}", "", "")));
        assertEquals("test.json: params.grow_policy: unknown grow_policy 'leafwise' (expected one of depthwise, lossguide)", e.getMessage());
    }

    @Test
    void anUnknownObjectiveIsRejectedNamingTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrainableSweeps.spec(blobs(3, "\"eta\": 0.1", ", \"objective\": \"multi:softmax\"", "")));
        assertEquals("trainable.objective", e.path());
        assertTrue(e.getMessage().contains("unknown objective 'multi:softmax' (expected one of binary:logistic, multi:softprob, reg:squarederror"),
                e.getMessage());
    }

    @Test
    void aBinaryObjectiveOnThreeClassesIsBadInputBeforeAnyTrialRuns() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> sweeps.run(blobs(3, "\"eta\": 0.1", ", \"objective\": \"binary:logistic\"", ""), "three"));
        assertEquals("trainable.objective", e.path());
        assertTrue(e.problem().contains("the labels have 3"), e.getMessage());
    }

    @Test
    void aTrialRunAgainContinuesFromItsLastCheckpointAndEndsWhereAnUninterruptedOneDoes() throws Exception {
        // Row and column sampling make each round depend on the random state, which the checkpoint does not hold.
        String json = blobs(3, "\"num_round\": 8, \"subsample\": 0.7, \"colsample_bytree\": 0.5, \"max_depth\": 2",
                ", \"checkpointEvery\": 2", "");
        Map<String, Object> sampling = Map.of("subsample", 0.7, "colsample_bytree", 0.5, "max_depth", 2L);
        Config four = Config.of(with(sampling, "num_round", 4L));
        Config eight = Config.of(with(sampling, "num_round", 8L));
        TrainableSweeps.Resumption run = sweeps.resume(TrainableSweeps.spec(json), new Objective("val_loss", Objective.Mode.MIN), four, eight);

        List<Long> steps = sweeps.steps("interrupted", 0).stream().map(ProgressLog.Step::step).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), steps, "rounds 5 to 8 ran after the restart, 1 to 4 not again; " + run.resumed());
        assertEquals(sweeps.metrics("straight", 0), sweeps.metrics("interrupted", 0), "every round's metrics");
        assertEquals(run.uninterrupted().metrics(), run.resumed().metrics());
    }

    private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put(name, value);
        return all;
    }

    @Test
    void twoTrialsTrainAtOnceInOneExecutorJvmAndEachGetsWhatItWouldAlone() throws Exception {
        String alone = blobs(3, "\"num_round\": 40, \"subsample\": 0.8", "", ", \"searcher\": {\"type\": \"grid\", \"seed\": 5}");
        String together = blobs(3, "\"num_round\": 40, \"subsample\": \"[0.8, 0.6]\"", "",
                ", \"searcher\": {\"type\": \"grid\", \"seed\": 5}, \"budget\": {\"parallelism\": 2}");
        sweeps.run(alone, "alone");
        sweeps.run(together, "together");
        List<TrialResult> results = new SweepFiles(sweeps.out("together")).results();
        assertEquals(2, results.size(), results.toString());
        TrialResult a = results.get(0);
        TrialResult b = results.get(1);
        assertTrue(a.startMillis() < b.endMillis() && b.startMillis() < a.endMillis(), "the two trials overlapped in time: " + results);
        assertEquals(sweeps.metrics("alone", 0), sweeps.metrics("together", 0), "trial 0 (subsample 0.8), seed 5, every round");
    }

    @Test
    void trialsBoostingAtOnceOnOneSharedMatrixGetWhatEachGetsOnMatricesOfItsOwn() throws Exception {
        // Without row or column sampling the seed plays no part: each sweep's trial 0 alone is a reference.
        String together = blobs(3, "\"num_round\": 20, \"max_depth\": \"[2, 5]\"", "",
                ", \"searcher\": {\"type\": \"grid\"}, \"budget\": {\"parallelism\": 2}");
        sweeps.run(together, "shared");
        sweeps.run(blobs(3, "\"num_round\": 20, \"max_depth\": 2", "", ""), "depth2");
        sweeps.run(blobs(3, "\"num_round\": 20, \"max_depth\": 5", "", ""), "depth5");
        List<TrialResult> results = new SweepFiles(sweeps.out("shared")).results();
        assertTrue(results.get(0).startMillis() < results.get(1).endMillis() && results.get(1).startMillis() < results.get(0).endMillis(),
                "the two trials overlapped in time: " + results);
        assertEquals(sweeps.metrics("depth2", 0), sweeps.metrics("shared", 0), "max_depth 2, every round");
        assertEquals(sweeps.metrics("depth5", 0), sweeps.metrics("shared", 1), "max_depth 5, every round");
    }

    @Test
    void aTrialBoostsWithAsManyThreadsAsItsTaskHasCpus() throws Exception {
        sweeps.run(blobs(3, "\"num_round\": 2", "", ", \"resources\": {\"cpus\": 2}"), "cpus");
        JsonNode description = Json.MAPPER.readTree(sweeps.dir().resolve("cpus/trials/0/model/description.json").toFile());
        assertEquals(2, description.get("nthread").asInt());
    }

    @Test
    void aGpuTrialFailsSayingWhatToShipWhenTheLibraryHasNoCuda() throws Exception {
        SweepSpec spec = TrainableSweeps.spec(blobs(3, "\"num_round\": 2", "", ""));
        Serializable data = spec.trainable().prepare(TestSpark.session().sparkContext());
        LocalTrialContext gpu = new LocalTrialContext(sweeps.dir(), List.of("1"), Long.MAX_VALUE);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> spec.trainable().create(data).train(Config.of(Map.of("num_round", 2L)), gpu));
        assertEquals("Spark assigned GPU 1 but the XGBoost native library on this executor is a CPU-only build (as Maven's xgboost4j jar is):"
                + " put a CUDA build of xgboost4j on the executors in its place (docs/xgboost.md)", e.getMessage());
        assertTrue(gpu.reportedSteps().isEmpty(), "no round ran on the CPU instead");
    }

    @Test
    void theBestTrialsBoosterIsSavedAsUbjAndPredictsWhatTheTrialMeasured() throws Exception {
        String json = blobs(3, "\"eta\": \"[0.3, 0.01]\", \"num_round\": 5", "", "");
        sweeps.run(json, "best");
        BestTrial best = SparkTune.best(sweeps.out("best")).orElseThrow();
        assertEquals(0, best.trialId(), "eta 0.3 beats eta 0.01 in five rounds");
        Path model = Path.of(java.net.URI.create(best.modelPath()));
        JsonNode description = Json.MAPPER.readTree(model.resolve("description.json").toFile());
        assertEquals("multi:softprob", description.get("objective").asText());
        assertEquals(5, description.get("rounds").asInt());

        TrainingData set = validationOf(json);
        Booster booster = SavedBooster.load(model);
        DMatrix validation = FeatureMatrix.of(set.validation());
        float[][] probabilities = booster.predict(validation);
        int correct = 0;
        for (int i = 0; i < probabilities.length; i++) {
            correct += argMax(probabilities[i]) == (int) set.validation().label(i) ? 1 : 0;
        }
        assertEquals(best.metrics().get("val_accuracy"), (double) correct / probabilities.length, 1e-12);
    }

    @Test
    void debiansPythonXgboostLoadsTheBestModelAndPredictsAsJavaDoes() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import xgboost").start().waitFor() == 0,
                "Debian's python3-xgboost is not installed (apt-get install python3-xgboost)");
        String json = blobs(3, "\"num_round\": 5, \"max_depth\": 3", "", "");
        sweeps.run(json, "python");
        Path model = sweeps.dir().resolve("python/best/model/model.ubj");
        TrainingData set = validationOf(json);
        Path features = sweeps.dir().resolve("features.csv");
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < set.validation().size(); i++) {
            for (int j = 0; j < set.validation().width(); j++) {
                csv.append(j == 0 ? "" : ",").append(set.validation().value(i, j));
            }
            csv.append('\n');
        }
        Files.writeString(features, csv);
        String script = "import sys, numpy, xgboost\n"
                + "b = xgboost.Booster(model_file=sys.argv[1])\n"
                + "x = numpy.loadtxt(sys.argv[2], delimiter=',', dtype=numpy.float32, ndmin=2)\n"
                + "for row in b.predict(xgboost.DMatrix(x)):\n"
                + "    print(','.join(repr(float(p)) for p in row))\n";
        Process process = new ProcessBuilder(python.toString(), "-c", script, model.toString(), features.toString())
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), printed);

        float[][] java = SavedBooster.load(model.getParent()).predict(FeatureMatrix.of(set.validation()));
        List<String> rows = printed.lines().toList();
        assertEquals(java.length, rows.size(), printed);
        for (int i = 0; i < java.length; i++) {
            String[] values = rows.get(i).split(",");
            for (int k = 0; k < java[i].length; k++) {
                assertEquals(java[i][k], Float.parseFloat(values[k]), 1e-6, "row " + i + ", class " + k);
            }
        }
    }

    private static TrainingData validationOf(String json) throws Exception {
        SweepSpec spec = TrainableSweeps.spec(json);
        @SuppressWarnings("unchecked")
        Broadcast<TrainingData> data = (Broadcast<TrainingData>) spec.trainable().prepare(TestSpark.session().sparkContext());
        return data.value();
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            best = values[k] > values[best] ? k : best;
        }
        return best;
    }

    @Test
    void theElfReaderFindsTheSectionsOfALibrary() throws Exception {
        Path copy = sweeps.dir().resolve("lib.so");
        try (var in = ml.dmlc.xgboost4j.java.XGBoost.class.getResourceAsStream(GpuDevice.LIBRARY)) {
            Files.copy(in, copy);
        }
        List<String> sections = GpuDevice.sections(copy);
        assertTrue(sections.containsAll(List.of(".text", ".dynsym", ".rodata")), sections.toString());
    }
}
