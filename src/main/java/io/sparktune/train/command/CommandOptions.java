package io.sparktune.train.command;

import io.sparktune.core.InvalidInputException;
import io.sparktune.core.PluginSpec;
import io.sparktune.core.Durations;
import io.sparktune.train.Options;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrainableSpec;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A command trainable's options, read and checked once, on the driver:
 * {@code {"type":"command", "argv":[...], "env":{...}, "workdir":"...", "timeout":"10m", "metrics":{...}}}.
 *
 * @param workdir null: the trial's scratch directory
 * @param timeout null: no limit of its own (the sweep's trialTimeout still applies)
 */
record CommandOptions(ArgvTemplate argv, Map<String, String> env, String workdir, Duration timeout, MetricsSource metrics)
        implements TrainableSpec {
    private static final Set<String> KEYS = Set.of("argv", "env", "workdir", "timeout", "metrics");

    static CommandOptions parse(PluginSpec spec, String path) {
        Options options = new Options(spec, path).allow(KEYS);
        List<String> argv = options.stringList("argv");
        if (argv.get(0).isBlank()) {
            throw new InvalidInputException(null, path + ".argv[0]", "the program is empty");
        }
        return new CommandOptions(new ArgvTemplate(argv), options.stringMap("env"), options.optionalString("workdir"),
                timeout(spec.options().get("timeout"), options.path("timeout")), metrics(spec.options().get("metrics"), options.path("metrics")));
    }

    @Override
    public Trainable create(Serializable prepared) {
        return new CommandTrainable(this);
    }

    private static Duration timeout(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String || value instanceof Number)) {
            throw new InvalidInputException(null, path, "expected a duration such as \"30m\", got " + value);
        }
        try {
            return Durations.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(null, path, e.getMessage());
        }
    }

    private static MetricsSource metrics(Object value, String path) {
        if (value == null) {
            return new MetricsSource.Output(OutputScalars.GUILD);
        }
        if (!(value instanceof Map<?, ?> map) || map.size() != 1
                || !(map.get("regex") instanceof String || map.get("file") instanceof String)) {
            throw new InvalidInputException(null, path,
                    "expected {\"regex\": \"(?<name>\\\\w+)=(?<value>\\\\S+)\"} or {\"file\": \"metrics.json\"}");
        }
        if (map.get("file") instanceof String file) {
            return new MetricsSource.JsonFile(file);
        }
        String regex = (String) map.get("regex");
        if (!regex.contains("(?<name>") || !regex.contains("(?<value>")) {
            throw new InvalidInputException(null, path + ".regex", "needs the named groups (?<name>...) and (?<value>...)");
        }
        try {
            return new MetricsSource.Output(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(null, path + ".regex", "not a regular expression: " + e.getDescription());
        }
    }
}
