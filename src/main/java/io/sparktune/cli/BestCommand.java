package io.sparktune.cli;

import io.sparktune.api.BestTrial;
import io.sparktune.api.SparkTune;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "best", mixinStandardHelpOptions = true,
        description = "Prints the best trial of a sweep: its metric, config and model path.")
final class BestCommand implements Callable<Integer> {
    @ParentCommand
    TuneCommand tune;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The sweep directory.")
    String out;

    @Option(names = "--json", description = "Print best.json as it is.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Optional<BestTrial> best = SparkTune.best(out);
        if (best.isEmpty()) {
            tune.err.println(out + ": no successful trial yet");
            return 3;
        }
        BestTrial b = best.get();
        if (json) {
            tune.out.println(b.json());
            return 0;
        }
        tune.out.println("trial " + b.trialId() + ": " + b.metric() + "=" + b.value() + " (" + b.mode() + ")");
        b.config().values().forEach((k, v) -> tune.out.println("  " + k + " = " + v));
        if (b.modelPath() != null) {
            tune.out.println("model: " + b.modelPath());
        }
        return 0;
    }
}
