package io.sparktune.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam, AdamW and SGD with momentum on libtorch's own update kernels (the ones DJL's optimizers
 * call), with state that a checkpoint can hold: DJL's optimizers keep their moments private, and a
 * resumed trial that restarts Adam's moments from zero does not continue where it stopped.
 */
final class CheckpointedOptimizer extends Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final String kind;
    private final float lr;
    private final float momentum;
    /** Per parameter id: Adam's mean and variance, or SGD's momentum. */
    private final Map<String, NDArray[]> state = new HashMap<>();
    private final Map<String, Integer> updates = new HashMap<>();

    CheckpointedOptimizer(Hyperparameters hp) {
        super(new Builder().optWeightDecays((float) hp.weightDecay()).setRescaleGrad(1f));
        this.kind = hp.optimizer();
        this.lr = (float) hp.lr();
        this.momentum = (float) hp.momentum();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updates.merge(parameterId, 1, Integer::sum);
        NDArray[] slots = state.computeIfAbsent(parameterId, id -> kind.equals("sgd")
                ? new NDArray[] {weight.zerosLike()} : new NDArray[] {weight.zerosLike(), weight.zerosLike()});
        if (kind.equals("sgd")) {
            weight.getNDArrayInternal().sgdUpdate(new NDList(weight, grad, slots[0]), new NDList(weight), lr,
                    getWeightDecay(), rescaleGrad, clipGrad, momentum, true);
        } else {
            double correction = Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, slots[0], slots[1]), new NDList(weight), lr,
                    (float) (lr * correction), getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true,
                    kind.equals("adamw"));
        }
    }

    /** Writes the state of {@code parameters}, in their order: ids differ between runs, positions do not. */
    void save(List<Parameter> parameters, DataOutputStream out) throws IOException {
        for (Parameter p : parameters) {
            NDArray[] slots = state.get(p.getId());
            out.writeInt(updates.getOrDefault(p.getId(), 0));
            out.writeInt(slots == null ? 0 : slots.length);
            for (int i = 0; slots != null && i < slots.length; i++) {
                byte[] bytes = slots[i].encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /** Reads what {@link #save} wrote, for the same network built anew. */
    void restore(List<Parameter> parameters, NDManager manager, DataInputStream in) throws IOException {
        for (Parameter p : parameters) {
            int count = in.readInt();
            int slots = in.readInt();
            if (count > 0) {
                updates.put(p.getId(), count);
            }
            if (slots > 0) {
                NDArray[] arrays = new NDArray[slots];
                for (int i = 0; i < slots; i++) {
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    arrays[i] = NDArray.decode(manager, bytes);
                }
                state.put(p.getId(), arrays);
            }
        }
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
