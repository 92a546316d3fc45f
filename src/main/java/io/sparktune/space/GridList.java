package io.sparktune.space;

import java.util.List;

/**
 * An explicit list of values: a grid searcher tries each, other searchers pick among them. Numbers
 * keep their order, so model-based searchers treat a numeric list as ordinal.
 */
public record GridList(List<Object> values) implements Domain {
    public GridList {
        values = List.copyOf(values);
    }

    @Override
    public Object fromUnit(double u) {
        return values.get((int) Math.min(values.size() - 1, Math.floor(Domain.clampUnit(u) * values.size())));
    }

    @Override
    public double toUnit(Object value) {
        int index = values.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("not in the list: " + value);
        }
        return (index + 0.5) / values.size();
    }

    @Override
    public List<Object> gridValues() {
        return values;
    }

    @Override
    public boolean ordered() {
        return values.stream().allMatch(v -> v instanceof Number);
    }
}
