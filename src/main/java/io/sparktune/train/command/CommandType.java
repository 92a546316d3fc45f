package io.sparktune.train.command;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.space.Parameter;
import io.sparktune.space.Space;
import io.sparktune.train.TrainableSpec;
import io.sparktune.train.TrainableType;

import java.util.List;

/** {@code {"type":"command","argv":["python3","train.py","--lr","${lr}"]}}: any program as a trial. */
public final class CommandType implements TrainableType {

    @Override
    public String name() {
        return "command";
    }

    @Override
    public TrainableSpec validate(PluginSpec spec, Space space, String path) {
        CommandOptions options = CommandOptions.parse(spec, path);
        List<String> names = space.params().stream().map(Parameter::name).toList();
        for (String placeholder : options.argv().placeholders()) {
            if (!names.contains(placeholder)) {
                throw new InvalidInputException(null, path + ".argv", "${" + placeholder + "} names no parameter (the space has "
                        + String.join(", ", names) + ")");
            }
        }
        return options;
    }
}
