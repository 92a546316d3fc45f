package io.sparktune.cli;

import io.sparktune.api.SparkTune;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a sweep's report as one self-contained HTML file.",
                "It holds the optimisation history, parallel coordinates, each parameter against the metric, learning curves, "
                        + "parameter importance, the best trials, the failures, and the spec. It needs no network to open."},
        footer = {"", "Example: tune report --out sweeps/quickstart --html quickstart.html"})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    TuneCommand tune;

    @Mixin
    SweepReading sweep;

    @Option(names = "--html", paramLabel = "FILE", defaultValue = "report.html",
            description = "Where to write the report (default: ${DEFAULT-VALUE}); replaced whole.")
    String html;

    @Override
    public Integer call() throws IOException {
        SparkTune.report(sweep.out, html, sweep.master);
        tune.out.println("report: " + html);
        return 0;
    }
}
