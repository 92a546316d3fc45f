package io.sparktune.cli;

import io.sparktune.api.SparkTune;
import io.sparktune.report.TableExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a sweep's whole trial table, every reported step included, as one file.",
                "One row per step with the trial's parameters, metrics, status, duration and host beside step, step_time "
                        + "and step_<metric>; a trial that reported no step has one row."},
        footer = {"", "Example: tune export --out sweeps/quickstart --format csv --to quickstart.csv"})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    TuneCommand tune;

    @Mixin
    SweepReading sweep;

    @Option(names = "--format", paramLabel = "parquet|csv|json", required = true,
            description = "parquet, csv (with a header) or json (one object a line).")
    TableExport.Format format;

    @Option(names = "--to", paramLabel = "PATH", required = true, description = "The file to write (any Hadoop path); replaced whole.")
    String to;

    @Override
    public Integer call() throws IOException {
        SparkTune.export(sweep.out, format, to, sweep.master);
        tune.out.println("exported: " + to);
        return 0;
    }
}
