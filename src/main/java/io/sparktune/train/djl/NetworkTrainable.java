package io.sparktune.train.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.sparktune.core.Config;
import io.sparktune.data.Samples;
import io.sparktune.data.TrainingData;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrialContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * Trains one network for one trial on an executor: an epoch at a time, reporting train_loss,
 * val_loss and val_accuracy (val_rmse for regression), and the network's size in weights
 * ({@code parameters}, an objective to trade accuracy against), and checkpointing parameters and optimizer
 * state after each, so a retried or resumed trial continues from the next epoch. Initialisation,
 * shuffling and dropout come from the trial's seed alone.
 */
final class NetworkTrainable implements Trainable {
    private static final int EVAL_BATCH = 1024;

    private final Architecture architecture;
    private final Broadcast<TrainingData> data;

    NetworkTrainable(Architecture architecture, Broadcast<TrainingData> data) {
        this.architecture = architecture;
        this.data = data;
    }

    @Override
    public Map<String, Double> train(Config config, TrialContext context) throws Exception {
        Hyperparameters hp = Hyperparameters.of(config);
        TrainingData set = data.value();
        boolean classification = set.classes() > 0;
        TorchThreads.configure(context.cpus());
        Device device = TorchThreads.device(context.gpus());
        DropoutNoise noise = new DropoutNoise();
        Block block = architecture.build(hp, set.shape(), classification ? set.classes() : 1, noise);
        Loss loss = classification ? Loss.softmaxCrossEntropyLoss() : Loss.l2Loss("l2", 1);
        CheckpointedOptimizer optimizer = new CheckpointedOptimizer(hp);
        try (Model model = Model.newInstance(architecture.label(), device, "PyTorch")) {
            model.setBlock(block);
            DefaultTrainingConfig training = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                    .optDevices(new Device[] {device})
                    .optInitializer(new SeededInitializer(context.seed()), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(training)) {
                // Initialised here rather than by the trainer, so a checkpoint can replace the values before the trainer caches them.
                block.initialize(model.getNDManager(), DataType.FLOAT32, batchShape(1, set.shape()));
                List<Parameter> parameters = block.getParameters().values();
                long weights = parameters.stream().mapToLong(p -> p.getArray().size()).sum();
                long epoch = restore(context, block, optimizer, parameters, model.getNDManager());
                Map<String, Double> metrics = Map.of();
                while (epoch < hp.epochs()) {
                    epoch++;
                    double trainLoss = trainEpoch(trainer, loss, set, hp.batchSize(), context.seed() + epoch, noise, context);
                    if (context.shouldStop()) {
                        break;
                    }
                    metrics = evaluate(trainer, loss, set, classification, weights);
                    metrics.put("train_loss", trainLoss);
                    long step = epoch;
                    context.saveCheckpoint(step, out -> {
                        DataOutputStream state = new DataOutputStream(out);
                        block.saveParameters(state);
                        optimizer.save(parameters, state);
                        state.flush();
                    });
                    if (!context.report(step, metrics)) {
                        break;
                    }
                }
                if (metrics.isEmpty()) {
                    // Resumed after the last epoch: its metrics are those of the restored model.
                    metrics = evaluate(trainer, loss, set, classification, weights);
                }
                SavedNetwork.save(context, model, architecture, config, set.shape(), classification ? set.classes() : 1);
                return metrics;
            }
        }
    }

    private static long restore(TrialContext context, Block block, CheckpointedOptimizer optimizer, List<Parameter> parameters,
                                NDManager manager) throws Exception {
        Optional<TrialContext.Checkpoint> checkpoint = context.latestCheckpoint();
        if (checkpoint.isEmpty()) {
            return 0;
        }
        try (InputStream raw = checkpoint.get().open(); DataInputStream in = new DataInputStream(raw)) {
            block.loadParameters(manager, in);
            optimizer.restore(parameters, manager, in);
        }
        // Loaded arrays are new tensors: they record gradients only when told, as initialised ones were.
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                p.getArray().setRequiresGradient(true);
            }
        }
        return checkpoint.get().step();
    }

    private static double trainEpoch(Trainer trainer, Loss loss, TrainingData set, int batchSize, long seed, DropoutNoise noise,
                                     TrialContext context) {
        Samples train = set.train();
        int[] order = TrainingData.shuffled(train.size(), seed);
        noise.reseed(~seed);
        double sum = 0;
        for (int from = 0; from < order.length && !context.shouldStop(); from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDList x = new NDList(features(batch, set, train, order, from, to));
                NDList y = new NDList(labels(batch, train, order, from, to, set.classes() > 0));
                try (ThreadGradients gradients = new ThreadGradients()) {
                    NDArray value = loss.evaluate(y, trainer.forward(x));
                    gradients.backward(value);
                    sum += value.getFloat() * (to - from);
                }
                trainer.step();
            }
        }
        return sum / order.length;
    }

    private static Map<String, Double> evaluate(Trainer trainer, Loss loss, TrainingData set, boolean classification, long weights) {
        Samples validation = set.validation();
        int[] order = LongStream.range(0, validation.size()).mapToInt(i -> (int) i).toArray();
        double lossSum = 0;
        double squares = 0;
        long correct = 0;
        for (int from = 0; from < order.length; from += EVAL_BATCH) {
            int to = Math.min(order.length, from + EVAL_BATCH);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray y = labels(batch, validation, order, from, to, classification);
                NDArray predicted = trainer.evaluate(new NDList(features(batch, set, validation, order, from, to))).singletonOrThrow();
                lossSum += loss.evaluate(new NDList(y), new NDList(predicted)).getFloat() * (to - from);
                if (classification) {
                    correct += predicted.argMax(1).eq(y).countNonzero().getLong();
                } else {
                    squares += predicted.reshape(y.getShape()).sub(y).square().sum().getFloat();
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_loss", lossSum / order.length);
        if (classification) {
            metrics.put("val_accuracy", (double) correct / order.length);
        } else {
            metrics.put("val_rmse", Math.sqrt(squares / order.length));
        }
        metrics.put("parameters", (double) weights);
        return metrics;
    }

    private static NDArray features(NDManager manager, TrainingData set, Samples samples, int[] order, int from, int to) {
        int width = samples.width();
        float[] values = new float[(to - from) * width];
        for (int k = from; k < to; k++) {
            set.normalization().apply(samples, order[k], values, (k - from) * width);
        }
        return manager.create(values, batchShape(to - from, set.shape()));
    }

    private static NDArray labels(NDManager manager, Samples samples, int[] order, int from, int to, boolean classes) {
        if (classes) {
            long[] labels = new long[to - from];
            for (int k = from; k < to; k++) {
                labels[k - from] = (long) samples.label(order[k]);
            }
            return manager.create(labels);
        }
        float[] labels = new float[to - from];
        for (int k = from; k < to; k++) {
            labels[k - from] = samples.label(order[k]);
        }
        return manager.create(labels);
    }

    private static Shape batchShape(int batch, int[] sample) {
        long[] dims = new long[sample.length + 1];
        dims[0] = batch;
        for (int i = 0; i < sample.length; i++) {
            dims[i + 1] = sample[i];
        }
        return new Shape(dims);
    }
}
