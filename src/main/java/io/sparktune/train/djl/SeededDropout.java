package io.sparktune.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Dropout whose masks come from the trial's {@link DropoutNoise} instead of libtorch's process-wide generator. */
final class SeededDropout extends AbstractBlock {
    private final double rate;
    private final DropoutNoise noise;

    SeededDropout(double rate, DropoutNoise noise) {
        this.rate = rate;
        this.noise = noise;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        if (!training || rate == 0) {
            return inputs;
        }
        NDArray input = inputs.singletonOrThrow();
        NDArray mask = input.getManager().create(noise.mask(Math.toIntExact(input.size()), rate), input.getShape());
        return new NDList(input.mul(mask));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
