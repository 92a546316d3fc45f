package io.sparktune.train.djl;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

import java.util.Locale;

/** The network shapes a trial can train, built from its hyperparameters. */
public enum Architecture {
    /** Flatten, then per hidden size a dense layer, the activation and dropout; then the output layer. */
    MLP,
    /**
     * {@code layers} blocks of convolution ({@code filters}, doubling per block, {@code kernel} wide,
     * same padding), activation and 2x2 max pooling; then dropout, a dense layer of {@code hidden}
     * units, activation, dropout and the output layer. Needs samples shaped [channels, height, width].
     */
    CNN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param shape   one sample's shape
     * @param outputs classes, or 1 for regression
     * @param noise   where dropout draws its masks
     */
    Block build(Hyperparameters hp, int[] shape, int outputs, DropoutNoise noise) {
        SequentialBlock net = new SequentialBlock();
        if (this == CNN) {
            if (shape.length != 3) {
                throw new IllegalArgumentException("cnn needs samples shaped [channels, height, width], got " + shape.length
                        + " dimensions (set data.shape)");
            }
            int height = shape[1];
            int width = shape[2];
            for (int i = 0; i < hp.layers(); i++) {
                net.add(Conv2d.builder().setKernelShape(new Shape(hp.kernel(), hp.kernel()))
                        .optPadding(new Shape(hp.kernel() / 2, hp.kernel() / 2))
                        .setFilters(hp.filters() << i).build());
                net.add(activation(hp.activation()));
                // Pooling stops where the image is too small to halve: deep nets on small images still build.
                if (height >= 2 && width >= 2) {
                    net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
                    height /= 2;
                    width /= 2;
                }
            }
            net.add(Blocks.batchFlattenBlock());
            net.add(new SeededDropout(hp.dropout(), noise));
            net.add(Linear.builder().setUnits(hp.hiddenSizes().get(0)).build());
            net.add(activation(hp.activation()));
            net.add(new SeededDropout(hp.dropout(), noise));
        } else {
            net.add(Blocks.batchFlattenBlock());
            for (int units : hp.hiddenSizes()) {
                net.add(Linear.builder().setUnits(units).build());
                net.add(activation(hp.activation()));
                net.add(new SeededDropout(hp.dropout(), noise));
            }
        }
        net.add(Linear.builder().setUnits(outputs).build());
        return net;
    }

    private static Block activation(String name) {
        return switch (name) {
            case "relu" -> Activation.reluBlock();
            case "tanh" -> Activation.tanhBlock();
            case "sigmoid" -> Activation.sigmoidBlock();
            case "gelu" -> Activation.geluBlock();
            default -> throw new IllegalArgumentException("unknown activation " + name);
        };
    }
}
