package io.sparktune.train.djl;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.sparktune.api.BestTrial;
import io.sparktune.api.SparkTune;
import io.sparktune.core.Config;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import io.sparktune.api.ExitCode;
import io.sparktune.api.SweepOutcome;
import io.sparktune.store.ProgressLog;
import io.sparktune.testing.Datasets;
import io.sparktune.testing.SweepFiles;
import io.sparktune.testing.TrainableSweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MLP and CNN trials on a real local[2] Spark, real files and the real libtorch. */
class NetworkSweepTest {
    @RegisterExtension
    final TrainableSweeps sweeps = new TrainableSweeps();

    private String blobsSpace(String params, String extra) {
        Path csv = Datasets.blobs(sweeps.dir(), 600, 3, 1);
        return "{\"metric\": \"val_accuracy\", \"mode\": \"max\", \"params\": {" + params + "},"
                + " \"trainable\": {\"type\": \"mlp\", \"data\": {\"train\": \"" + csv + "\", \"format\": \"csv\", \"split\": 0.2, \"normalize\": \"standard\"}}"
                + extra + "}";
    }

    @Test
    void anMlpLearnsSeparableClassesAndReportsItsMetricsEveryEpoch() throws Exception {
        SweepOutcome outcome = sweeps.run(blobsSpace("\"lr\": 0.01, \"epochs\": 3, \"hidden\": 32", ""), "mlp");
        assertEquals(ExitCode.COMPLETE, outcome.exitCode(), sweeps.console());
        TrialResult result = sweeps.completed("mlp", 0);
        assertTrue(result.metrics().get("val_accuracy") > 0.9, "val_accuracy " + result.metrics());
        List<ProgressLog.Step> steps = sweeps.steps("mlp", 0);
        assertEquals(List.of(1L, 2L, 3L), steps.stream().map(ProgressLog.Step::step).toList());
        for (ProgressLog.Step step : steps) {
            assertEquals(java.util.Set.of("train_loss", "val_loss", "val_accuracy", "parameters"), step.metrics().keySet(), "epoch " + step.step());
        }
    }

    @Test
    void anMlpReportsItsSizeInWeightsAsParameters() throws Exception {
        sweeps.run(blobsSpace("\"lr\": 0.01, \"epochs\": 1, \"hidden\": 32, \"layers\": 2", ""), "size");
        // 4 features -> 32 -> 32 -> 3 classes: (4·32 + 32) + (32·32 + 32) + (32·3 + 3) weights and biases.
        assertEquals(160 + 1056 + 99, sweeps.completed("size", 0).metrics().get("parameters"));
    }

    @Test
    void aRegressionTrialReportsValRmse() throws Exception {
        sweeps.run(sweeps.linearSpace("mlp", "\"lr\": 0.01, \"epochs\": 8, \"hidden\": 16, \"layers\": 1"), "regression");
        TrialResult result = sweeps.completed("regression", 0);
        // The target's standard deviation is about 1.1: a model that learnt nothing scores near that.
        assertTrue(result.metrics().get("val_rmse") < 0.5, "val_rmse " + result.metrics());
    }

    @Test
    void twoTrialsTrainAtOnceInOneExecutorJvm() throws Exception {
        SweepOutcome outcome = sweeps.run(blobsSpace("\"lr\": \"[0.01, 0.003]\", \"epochs\": 4, \"hidden\": 64", ", \"budget\": {\"parallelism\": 2}"),
                "concurrent");
        assertEquals(2, outcome.counts().completed(), new SweepFiles(sweeps.out("concurrent")).results().toString());
        List<TrialResult> results = new SweepFiles(sweeps.out("concurrent")).results();
        TrialResult a = results.get(0);
        TrialResult b = results.get(1);
        assertTrue(a.startMillis() < b.endMillis() && b.startMillis() < a.endMillis(), "the two trials overlapped in time: " + results);
    }

    @Test
    void theSameSeedGivesTheSameMetricsEvenWhenAnotherTrialTrainsAlongside() throws Exception {
        String alone = blobsSpace("\"lr\": 0.01, \"epochs\": 2, \"dropout\": 0.3", ", \"searcher\": {\"type\": \"grid\", \"seed\": 5}");
        String together = blobsSpace("\"lr\": 0.01, \"epochs\": 2, \"dropout\": 0.3, \"hidden\": \"[128, 64]\"",
                ", \"searcher\": {\"type\": \"grid\", \"seed\": 5}, \"budget\": {\"parallelism\": 2}");
        sweeps.run(alone, "alone");
        sweeps.run(together, "together");
        TrialResult first = new SweepFiles(sweeps.out("alone")).result(0);
        TrialResult second = new SweepFiles(sweeps.out("together")).result(0);
        assertEquals(first.seed(), second.seed());
        assertEquals(first.metrics(), second.metrics(), "trial 0 (hidden 128, the default) with the same seed");
    }

    @Test
    void aTrialRunAgainContinuesFromItsLastCheckpointAndEndsWhereAnUninterruptedOneDoes() throws Exception {
        String fourEpochs = blobsSpace("\"lr\": 0.01, \"epochs\": 4", "");
        Config two = Config.of(Map.of("lr", 0.01, "epochs", 2L));
        Config four = Config.of(Map.of("lr", 0.01, "epochs", 4L));
        TrainableSweeps.Resumption run = sweeps.resume(TrainableSweeps.spec(fourEpochs), new Objective("val_accuracy", Objective.Mode.MAX), two, four);

        List<Long> steps = sweeps.steps("interrupted", 0).stream().map(ProgressLog.Step::step).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L), steps, "epochs 3 and 4 ran after the restart, 1 and 2 not again; " + run.resumed());
        assertEquals(run.uninterrupted().metrics(), run.resumed().metrics());
    }

    @Test
    void theBestTrialsModelIsCopiedToBestModelAndLoadsWithDjl() throws Exception {
        sweeps.run(blobsSpace("\"lr\": \"[0.01, 0.0001]\", \"epochs\": 2, \"hidden\": 16", ""), "best");
        BestTrial best = SparkTune.best(sweeps.out("best")).orElseThrow();
        assertEquals(0, best.trialId(), "lr 0.01 beats lr 0.0001 in two epochs");
        Path model = Path.of(java.net.URI.create(best.modelPath()));
        assertEquals(Files.readString(sweeps.dir().resolve("best/trials/0/model/network.json")), Files.readString(model.resolve("network.json")));
        try (Model loaded = SavedNetwork.load(model); NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.ones(new Shape(2, 4));
            NDArray output = loaded.getBlock().forward(new ParameterStore(manager, false), new NDList(input), false).singletonOrThrow();
            assertEquals(new Shape(2, 3), output.getShape(), "three classes out");
        }
    }

    @Test
    void aCnnTrainsOnImages() throws Exception {
        // A fixed seed makes the run repeatable; two epochs leave a margin over chance whatever the initialisation.
        String json = "{\"metric\": \"val_accuracy\", \"mode\": \"max\", \"params\": {\"epochs\": 2, \"filters\": 4, \"layers\": 1,"
                + " \"hidden\": 16, \"batch_size\": 128},"
                + " \"trainable\": {\"type\": \"cnn\", \"data\": {\"train\": \"" + Datasets.fashionMnist().resolve("t10k")
                + "\", \"format\": \"idx\", \"split\": 0.2}}, \"searcher\": {\"type\": \"grid\", \"seed\": 5}}";
        sweeps.run(json, "cnn");
        TrialResult result = sweeps.completed("cnn", 0);
        // Ten classes: chance is 0.1; two epochs on 8,000 images get well past it.
        assertTrue(result.metrics().get("val_accuracy") > 0.6, "val_accuracy " + result.metrics());
    }

    @Test
    void anUnknownHyperparameterIsRejectedBeforeAnyTrialRuns() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrainableSweeps.spec(blobsSpace("\"lr\": 0.01, \"learning_rate\": 0.1", "")));
        assertEquals("params.learning_rate", e.path());
        assertTrue(e.getMessage().startsWith("test.json: params.learning_rate: unknown hyperparameter for trainable 'mlp'"), e.getMessage());
    }

    @Test
    void anUnknownOptimizerIsRejectedBeforeAnyTrialRuns() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrainableSweeps.spec(blobsSpace("\"optimizer\": {\"choice\": [\"adam\", \"rmsprop\"]}", "")));
        assertEquals("test.json: params.optimizer: unknown optimizer 'rmsprop' (expected one of adam, adamw, sgd)", e.getMessage());
    }

    @Test
    void aMissingDataFileIsBadInputBeforeAnyTrialRuns() {
        String json = "{\"params\": {\"lr\": 0.01}, \"trainable\": {\"type\": \"mlp\", \"data\": {\"train\": \""
                + sweeps.dir().resolve("nothing/train") + "\", \"format\": \"idx\"}}}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> sweeps.run(json, "missing"));
        assertEquals("trainable.data", e.path());
        assertTrue(e.problem().contains("nothing/train-images-idx3-ubyte"), e.getMessage());
        assertNotEquals(true, Files.exists(sweeps.dir().resolve("missing/trials")), "no trial ran");
    }

    @Test
    void everyOptimizerTrains() throws Exception {
        // Plain SGD needs a larger step than Adam to learn in three epochs; the seed makes the run repeatable.
        sweeps.run(blobsSpace("\"optimizer\": {\"choice\": [\"adam\", \"adamw\", \"sgd\"]}, \"lr\": 0.05, \"epochs\": 3, \"hidden\": 16",
                ", \"searcher\": {\"type\": \"grid\", \"seed\": 11}"), "optimizers");
        Map<Integer, Integer> counts = new SweepFiles(sweeps.out("optimizers")).resultsPerTrial();
        assertEquals(3, counts.size());
        for (TrialResult r : new SweepFiles(sweeps.out("optimizers")).results()) {
            assertTrue(r.metrics().get("val_accuracy") > 0.8, r.config() + " " + r.metrics() + " " + r.error());
        }
    }
}
