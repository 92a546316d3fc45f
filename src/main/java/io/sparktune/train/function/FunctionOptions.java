package io.sparktune.train.function;

import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableSpec;

import java.io.Serializable;

/** A function trainable's options, checked: see {@link FunctionTrainable} for what each one does. */
record FunctionOptions(BenchmarkFunction function, long steps, double stepSeconds, boolean checkpoint, double curveSpread)
        implements TrainableSpec {

    @Override
    public Trainable create(Serializable prepared) {
        return new FunctionTrainable(this);
    }
}
