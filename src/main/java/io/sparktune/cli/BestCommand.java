package io.sparktune.cli;

import io.sparktune.api.BestTrial;
import io.sparktune.api.FrontTrial;
import io.sparktune.api.ParetoTrials;
import io.sparktune.api.SparkTune;
import io.sparktune.core.Goals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "best", mixinStandardHelpOptions = true,
        description = {"Prints the best trial of a sweep: its metric, config and model path.",
                "A trial a scheduler stopped counts only while no trial has completed.",
                "With several objectives, prints the Pareto front: the feasible trials that no other beats in every objective."})
final class BestCommand implements Callable<Integer> {
    @ParentCommand
    TuneCommand tune;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The sweep directory.")
    String out;

    @Option(names = "--json", description = "Print best.json (with several objectives, best/pareto.json) as it is.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Goals goals = SparkTune.goals(out);
        if (goals.several()) {
            return front(goals);
        }
        Optional<BestTrial> best = SparkTune.best(out);
        if (best.isEmpty()) {
            tune.err.println(out + ": no successful" + (goals.constraints().isEmpty() ? "" : " feasible") + " trial yet");
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

    private int front(Goals goals) throws IOException {
        Optional<ParetoTrials> front = SparkTune.front(out);
        if (front.isEmpty() || front.get().trials().isEmpty()) {
            tune.err.println(out + ": no feasible trial with every objective yet");
            return 3;
        }
        if (json) {
            tune.out.println(front.get().json());
            return 0;
        }
        List<FrontTrial> trials = front.get().trials();
        tune.out.println("Pareto front: " + trials.size() + " trial" + (trials.size() == 1 ? "" : "s") + " of " + goals.label());
        for (FrontTrial t : trials) {
            StringBuilder line = new StringBuilder("trial " + t.trialId() + ":");
            goals.objectives().forEach(o -> line.append(' ').append(o.metric()).append('=').append(t.objectives().get(o.metric())));
            tune.out.println(line.append("  ").append(t.config()));
        }
        return 0;
    }
}
