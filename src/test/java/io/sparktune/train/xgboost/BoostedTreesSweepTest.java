package io.sparktune.train.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktune.api.BestTrial;
import io.sparktune.api.ExitCode;
import io.sparktune.api.RunOptions;
import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepOutcome;
import io.sparktune.core.Config;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.Trial;
import io.sparktune.core.TrialResult;
import io.sparktune.core.TrialStatus;
import io.sparktune.data.TrainingData;
import io.sparktune.schedule.SchedulerSpec;
import io.sparktune.spec.Overrides;
import io.sparktune.spec.SpecParser;
import io.sparktune.spec.SweepSpec;
import io.sparktune.store.Json;
import io.sparktune.store.ProgressLog;
import io.sparktune.store.StoreLocation;
import io.sparktune.store.SweepDirectory;
import io.sparktune.testing.Datasets;
import io.sparktune.testing.LocalTrialContext;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TestSpark;
import io.sparktune.trial.TrialRunner;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** xgboost trials on a real local[2] Spark, real files and XGBoost's real native library. */
class BoostedTreesSweepTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    private static SweepSpec spec(String json) {
        return SpecParser.parse("test.json", json, "test", new Overrides());
    }

    private SweepOutcome run(String json, String out) throws Exception {
        return SparkTune.run(spec(json), new RunOptions(out, null, Duration.ofSeconds(60), new PrintStream(console, true), 500));
    }

    /** Three (or {@code classes}) separable blobs; {@code trainable} is extra options of the trainable. */
    private String blobs(int classes, String params, String trainable, String extra) {
        Path csv = Datasets.blobs(tmp, 600, classes, 1);
        return "{\"metric\": \"val_loss\", \"params\": {" + params + "},"
                + " \"trainable\": {\"type\": \"xgboost\"" + trainable + ", \"data\": {\"train\": \"" + csv
                + "\", \"format\": \"csv\", \"split\": 0.2}}" + extra + "}";
    }

    private String out(String name) {
        return tmp.resolve(name).toString();
    }

    private List<ProgressLog.Step> steps(String out, int trial) throws Exception {
        return ProgressLog.read(SweepDirectory.at(out, new Configuration()), trial);
    }

    @Test
    void aMultiClassTrialReportsValLossAndValAccuracyEveryRound() throws Exception {
        SweepOutcome outcome = run(blobs(3, "\"num_round\": 4, \"max_depth\": 3", "", ""), out("multi"));
        assertEquals(ExitCode.COMPLETE, outcome.exitCode(), console.toString());
        TrialResult result = new SweepFiles(out("multi")).result(0);
        assertTrue(result.metrics().get("val_accuracy") > 0.9, "val_accuracy " + result.metrics());
        List<ProgressLog.Step> steps = steps(out("multi"), 0);
        assertEquals(List.of(1L, 2L, 3L, 4L), steps.stream().map(ProgressLog.Step::step).toList());
        for (ProgressLog.Step step : steps) {
            assertEquals(Set.of("val_loss", "val_accuracy"), step.metrics().keySet(), "round " + step.step());
        }
        assertTrue(steps.get(3).metrics().get("val_loss") < steps.get(0).metrics().get("val_loss"), "the loss fell: " + steps);
    }

    @Test
    void aTwoClassTrialIsBinaryLogistic() throws Exception {
        run(blobs(2, "\"num_round\": 3", "", ""), out("binary"));
        TrialResult result = new SweepFiles(out("binary")).result(0);
        assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
        assertTrue(result.metrics().get("val_accuracy") > 0.9, "val_accuracy " + result.metrics());
        JsonNode description = Json.MAPPER.readTree(tmp.resolve("binary/trials/0/model/description.json").toFile());
        assertEquals("binary:logistic", description.get("objective").asText());
    }

    @Test
    void aRegressionTrialReportsValRmse() throws Exception {
        Path csv = Datasets.linear(tmp, 400, 2);
        String json = "{\"metric\": \"val_rmse\", \"params\": {\"num_round\": 30, \"eta\": 0.3},"
                + " \"trainable\": {\"type\": \"xgboost\", \"task\": \"regression\", \"data\": {\"train\": \"" + csv
                + "\", \"format\": \"csv\", \"label\": \"y\"}}}";
        run(json, out("regression"));
        TrialResult result = new SweepFiles(out("regression")).result(0);
        assertEquals(TrialStatus.COMPLETED, result.status(), result.error());
        assertEquals(Set.of("val_loss", "val_rmse"), result.metrics().keySet());
        // The target's standard deviation is about 1.1: a model that learnt nothing scores near that.
        assertTrue(result.metrics().get("val_rmse") < 0.4, "val_rmse " + result.metrics());
    }

    @Test
    void reportEveryReportsEveryKRoundsAndTheLast() throws Exception {
        run(blobs(3, "\"num_round\": 5", ", \"reportEvery\": 2", ""), out("every"));
        assertEquals(List.of(2L, 4L, 5L), steps(out("every"), 0).stream().map(ProgressLog.Step::step).toList());
    }

    @Test
    void earlyStoppingEndsTheTrialOnceValLossStopsFalling() throws Exception {
        // eta 1 on separable blobs: the loss bottoms out within a few rounds of 200.
        run(blobs(3, "\"num_round\": 200, \"eta\": 1.0, \"early_stopping_rounds\": 3", "", ""), out("early"));
        List<ProgressLog.Step> steps = steps(out("early"), 0);
        assertTrue(steps.size() < 200, steps.size() + " rounds");
        JsonNode description = Json.MAPPER.readTree(tmp.resolve("early/trials/0/model/description.json").toFile());
        assertEquals(steps.size() - 1 - 3, description.get("best_iteration").asInt(), "the best round was 3 before the last");
    }

    @Test
    void anUnknownHyperparameterIsRejectedNamingTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> spec(blobs(3, "\"learning_rate\": 0.1", "", "")));
        assertEquals("test.json: params.learning_rate: unknown hyperparameter for trainable 'xgboost' (known: alpha, colsample_bylevel,"
                + " colsample_bytree, early_stopping_rounds, eta, gamma, grow_policy, lambda, max_bin, max_depth, max_leaves,"
                + " min_child_weight, num_round, scale_pos_weight, subsample)", e.getMessage());
    }

    @Test
    void anUnknownGrowPolicyIsRejectedBeforeAnyTrialRuns() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> spec(blobs(3, "\"grow_policy\": {\"choice\": [\"depthwise\", \"leafwise\"]}", "", "")));
        assertEquals("test.json: params.grow_policy: unknown grow_policy 'leafwise' (expected one of depthwise, lossguide)", e.getMessage());
    }

    @Test
    void anUnknownObjectiveIsRejectedNamingTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> spec(blobs(3, "\"eta\": 0.1", ", \"objective\": \"multi:softmax\"", "")));
        assertEquals("trainable.objective", e.path());
        assertTrue(e.getMessage().contains("unknown objective 'multi:softmax' (expected one of binary:logistic, multi:softprob, reg:squarederror"),
                e.getMessage());
    }

    @Test
    void aBinaryObjectiveOnThreeClassesIsBadInputBeforeAnyTrialRuns() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(blobs(3, "\"eta\": 0.1", ", \"objective\": \"binary:logistic\"", ""), out("three")));
        assertEquals("trainable.objective", e.path());
        assertTrue(e.problem().contains("the labels have 3"), e.getMessage());
    }

    @Test
    void aTrialRunAgainContinuesFromItsLastCheckpointAndEndsWhereAnUninterruptedOneDoes() throws Exception {
        // Row and column sampling make each round depend on the random state, which the checkpoint does not hold.
        String json = blobs(3, "\"num_round\": 8, \"subsample\": 0.7, \"colsample_bytree\": 0.5, \"max_depth\": 2",
                ", \"checkpointEvery\": 2", "");
        SweepSpec spec = spec(json);
        Serializable data = spec.trainable().prepare(TestSpark.session().sparkContext());
        Map<String, Object> sampling = Map.of("subsample", 0.7, "colsample_bytree", 0.5, "max_depth", 2L);
        Config four = Config.of(with(sampling, "num_round", 4L));
        Config eight = Config.of(with(sampling, "num_round", 8L));

        SweepDirectory interrupted = SweepDirectory.at(out("interrupted"), new Configuration());
        runner(interrupted, spec, data).run(new Trial(0, four, 42, 1));
        TrialResult resumed = runner(interrupted, spec, data).run(new Trial(0, eight, 42, 2));
        SweepDirectory straight = SweepDirectory.at(out("straight"), new Configuration());
        TrialResult uninterrupted = runner(straight, spec, data).run(new Trial(0, eight, 42, 1));

        List<Long> steps = ProgressLog.read(interrupted, 0).stream().map(ProgressLog.Step::step).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), steps, "rounds 5 to 8 ran after the restart, 1 to 4 not again; " + resumed);
        assertEquals(metrics(straight), metrics(interrupted), "every round's metrics");
        assertEquals(uninterrupted.metrics(), resumed.metrics());
    }

    /** A trial's metrics round by round (trial 0's unless named). */
    private static List<Map<String, Double>> metrics(SweepDirectory dir) throws Exception {
        return metrics(dir, 0);
    }

    private static List<Map<String, Double>> metrics(SweepDirectory dir, int trial) throws Exception {
        return ProgressLog.read(dir, trial).stream().map(ProgressLog.Step::metrics).toList();
    }

    private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put(name, value);
        return all;
    }

    private static TrialRunner runner(SweepDirectory dir, SweepSpec spec, Serializable data) {
        return new TrialRunner(new StoreLocation(dir), spec.trainable(), new SchedulerSpec.FifoOptions(),
                new Objective("val_loss", Objective.Mode.MIN), null, 1, 0, data);
    }

    @Test
    void twoTrialsTrainAtOnceInOneExecutorJvmAndEachGetsWhatItWouldAlone() throws Exception {
        String alone = blobs(3, "\"num_round\": 40, \"subsample\": 0.8", "", ", \"searcher\": {\"type\": \"grid\", \"seed\": 5}");
        String together = blobs(3, "\"num_round\": 40, \"subsample\": \"[0.8, 0.6]\"", "",
                ", \"searcher\": {\"type\": \"grid\", \"seed\": 5}, \"budget\": {\"parallelism\": 2}");
        run(alone, out("alone"));
        run(together, out("together"));
        List<TrialResult> results = new SweepFiles(out("together")).results();
        assertEquals(2, results.size(), results.toString());
        TrialResult a = results.get(0);
        TrialResult b = results.get(1);
        assertTrue(a.startMillis() < b.endMillis() && b.startMillis() < a.endMillis(), "the two trials overlapped in time: " + results);
        assertEquals(metrics(SweepDirectory.at(out("alone"), new Configuration())),
                metrics(SweepDirectory.at(out("together"), new Configuration())), "trial 0 (subsample 0.8), seed 5, every round");
    }

    @Test
    void trialsBoostingAtOnceOnOneSharedMatrixGetWhatEachGetsOnMatricesOfItsOwn() throws Exception {
        // Without row or column sampling the seed plays no part: each sweep's trial 0 alone is a reference.
        String together = blobs(3, "\"num_round\": 20, \"max_depth\": \"[2, 5]\"", "",
                ", \"searcher\": {\"type\": \"grid\"}, \"budget\": {\"parallelism\": 2}");
        run(together, out("shared"));
        run(blobs(3, "\"num_round\": 20, \"max_depth\": 2", "", ""), out("depth2"));
        run(blobs(3, "\"num_round\": 20, \"max_depth\": 5", "", ""), out("depth5"));
        SweepDirectory shared = SweepDirectory.at(out("shared"), new Configuration());
        List<TrialResult> results = new SweepFiles(out("shared")).results();
        assertTrue(results.get(0).startMillis() < results.get(1).endMillis() && results.get(1).startMillis() < results.get(0).endMillis(),
                "the two trials overlapped in time: " + results);
        assertEquals(metrics(SweepDirectory.at(out("depth2"), new Configuration())), metrics(shared, 0), "max_depth 2, every round");
        assertEquals(metrics(SweepDirectory.at(out("depth5"), new Configuration())), metrics(shared, 1), "max_depth 5, every round");
    }

    @Test
    void aTrialBoostsWithAsManyThreadsAsItsTaskHasCpus() throws Exception {
        run(blobs(3, "\"num_round\": 2", "", ", \"resources\": {\"cpus\": 2}"), out("cpus"));
        JsonNode description = Json.MAPPER.readTree(tmp.resolve("cpus/trials/0/model/description.json").toFile());
        assertEquals(2, description.get("nthread").asInt());
    }

    @Test
    void aGpuTrialFailsSayingWhatToShipWhenTheLibraryHasNoCuda() throws Exception {
        SweepSpec spec = spec(blobs(3, "\"num_round\": 2", "", ""));
        Serializable data = spec.trainable().prepare(TestSpark.session().sparkContext());
        LocalTrialContext gpu = new LocalTrialContext(tmp, List.of("1"), Long.MAX_VALUE);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> spec.trainable().create(data).train(Config.of(Map.of("num_round", 2L)), gpu));
        assertEquals("Spark assigned GPU 1 but the XGBoost native library on this executor is a CPU-only build (as Maven's xgboost4j jar is):"
                + " put a CUDA build of xgboost4j on the executors in its place (docs/xgboost.md)", e.getMessage());
        assertTrue(gpu.reportedSteps().isEmpty(), "no round ran on the CPU instead");
    }

    @Test
    void theBestTrialsBoosterIsSavedAsUbjAndPredictsWhatTheTrialMeasured() throws Exception {
        String json = blobs(3, "\"eta\": \"[0.3, 0.01]\", \"num_round\": 5", "", "");
        run(json, out("best"));
        BestTrial best = SparkTune.best(out("best")).orElseThrow();
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
        run(json, out("python"));
        Path model = tmp.resolve("python/best/model/model.ubj");
        TrainingData set = validationOf(json);
        Path features = tmp.resolve("features.csv");
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
        SweepSpec spec = spec(json);
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
        Path copy = tmp.resolve("lib.so");
        try (var in = ml.dmlc.xgboost4j.java.XGBoost.class.getResourceAsStream(GpuDevice.LIBRARY)) {
            Files.copy(in, copy);
        }
        List<String> sections = GpuDevice.sections(copy);
        assertTrue(sections.containsAll(List.of(".text", ".dynsym", ".rodata")), sections.toString());
    }
}
