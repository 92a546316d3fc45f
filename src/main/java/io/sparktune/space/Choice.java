package io.sparktune.space;

import java.util.ArrayList;
import java.util.List;

/**
 * One of several unordered options. An option may carry parameters of its own that exist only when
 * it is chosen (conditional parameters).
 */
public record Choice(List<Option> options) implements Domain {

    /** A value of a choice and the parameters that it brings along. */
    public record Option(Object value, List<Parameter> params) {
        public Option {
            params = List.copyOf(params);
        }
    }

    public Choice {
        options = List.copyOf(options);
    }

    public int indexAt(double u) {
        return (int) Math.min(options.size() - 1, Math.floor(Domain.clampUnit(u) * options.size()));
    }

    public int indexOf(Object value) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).value().equals(value)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an option: " + value);
    }

    @Override
    public Object fromUnit(double u) {
        return options.get(indexAt(u)).value();
    }

    @Override
    public double toUnit(Object value) {
        return (indexOf(value) + 0.5) / options.size();
    }

    @Override
    public List<Object> gridValues() {
        List<Object> values = new ArrayList<>();
        options.forEach(o -> values.add(o.value()));
        return values;
    }

    @Override
    public boolean ordered() {
        return false;
    }
}
