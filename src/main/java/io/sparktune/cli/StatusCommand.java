package io.sparktune.cli;

import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepStatus;
import io.sparktune.api.TrialReport;
import io.sparktune.core.TrialCounts;
import io.sparktune.core.TrialResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows where a sweep stands, while it runs or after.",
                "Counts, the searcher's time against the trials', the lock's holder, the journal, the best trial, pbt's lineage.",
                "With --trial, one trial: its config, result, error, and the output tails it kept."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    TuneCommand tune;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The sweep directory.")
    String out;

    @Option(names = "--trial", paramLabel = "ID", description = "Show this trial, with a command trial's stdout and stderr tails.")
    Integer trial;

    @Override
    public Integer call() throws IOException {
        if (trial != null) {
            return showTrial(SparkTune.trial(out, trial));
        }
        SweepStatus s = SparkTune.status(out);
        tune.out.println("sweep " + s.name() + " at " + s.dir());
        TrialCounts counts = s.counts();
        tune.out.println("trials: " + counts.done() + " done (" + counts.completed() + " completed, " + counts.stopped() + " stopped, "
                + counts.failed() + " failed), " + s.unfinished() + " started without a result yet");
        if (s.load().suggestMillis() > 0) {
            tune.out.println("searcher: " + s.load().describe());
        }
        tune.out.println("lock: " + s.lockHolder().orElse("free"));
        tune.out.println("journal: " + s.journalFiles() + " files");
        boolean several = SparkTune.goals(out).several();
        s.best().ifPresent(b -> tune.out.println((several ? "best by " + b.metric() + ", the first objective: " : "best: ")
                + "trial " + b.trialId() + " " + b.metric() + "=" + b.value() + "  " + b.config()));
        if (several) {
            SparkTune.front(out).ifPresent(front -> tune.out.println("Pareto front: " + front.trials().size()
                    + " trials ('tune best --out " + out + "' lists them)"));
        }
        if (!s.lineage().isEmpty()) {
            tune.out.println("lineage (pbt clones):");
            s.lineage().forEach(l -> tune.out.println("  trial " + l.trialId() + " <- trial " + l.parent() + " at step " + l.step()
                    + (l.changes().isEmpty() ? "" : ": " + l.changes())));
        }
        return 0;
    }

    private int showTrial(TrialReport t) {
        tune.out.println("trial " + t.id() + ": " + t.result().map(r -> r.status().name().toLowerCase(Locale.ROOT))
                .orElse("started, no result yet"));
        tune.out.println("config: " + t.config());
        t.result().ifPresent(this::showResult);
        t.outputs().forEach((name, text) -> {
            tune.out.println("--- " + name + " ---");
            tune.out.print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
        });
        return 0;
    }

    private void showResult(TrialResult r) {
        tune.out.println("metrics: " + r.metrics());
        tune.out.printf(Locale.ROOT, "attempt %d on %s, %.1fs, %d steps%n", r.attempt(), r.host(), r.durationSeconds(), r.steps());
        if (r.error() != null) {
            tune.out.println("error: " + r.error());
        }
    }
}
