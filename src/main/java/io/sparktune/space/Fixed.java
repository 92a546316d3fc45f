package io.sparktune.space;

import java.util.List;

/** A parameter held at one value. */
public record Fixed(Object value) implements Domain {
    @Override
    public Object fromUnit(double u) {
        return value;
    }

    @Override
    public double toUnit(Object v) {
        return 0.5;
    }

    @Override
    public List<Object> gridValues() {
        return List.of(value);
    }
}
