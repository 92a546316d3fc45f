package io.sparktune.cli;

import io.sparktune.api.SparkTune;
import io.sparktune.api.SweepStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows where a sweep stands, while it runs or after: counts, the lock's holder, the best trial, pbt's lineage.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    TuneCommand tune;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The sweep directory.")
    String out;

    @Override
    public Integer call() throws IOException {
        SweepStatus s = SparkTune.status(out);
        tune.out.println("sweep " + s.name() + " at " + s.dir());
        tune.out.println("trials: " + s.done() + " done (" + s.completed() + " completed, " + s.stopped() + " stopped, "
                + s.failed() + " failed), " + s.unfinished() + " started without a result yet");
        tune.out.println("lock: " + s.lockHolder().orElse("free"));
        tune.out.println("journal: " + s.journalFiles() + " files");
        s.best().ifPresent(b -> tune.out.println("best: trial " + b.trialId() + " " + b.metric() + "=" + b.value()
                + "  " + b.config()));
        if (!s.lineage().isEmpty()) {
            tune.out.println("lineage (pbt clones):");
            s.lineage().forEach(l -> tune.out.println("  trial " + l.trialId() + " <- trial " + l.parent() + " at step " + l.step()
                    + (l.changes().isEmpty() ? "" : ": " + l.changes())));
        }
        return 0;
    }
}
