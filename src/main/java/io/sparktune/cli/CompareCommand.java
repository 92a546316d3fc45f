package io.sparktune.cli;

import io.sparktune.api.SparkTune;
import io.sparktune.core.InvalidInputException;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialStatus;
import io.sparktune.report.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Shows a sweep's trials, best first.",
                "Sorted by the sweep's metric; with several objectives or constraints, by Pareto rank, then crowding distance "
                        + "(docs/objectives.md)."},
        footer = {"", "Example: tune compare --out sweeps/quickstart --min loss --top 3 \\",
                "    --columns params,loss,host --csv top.csv"})
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    TuneCommand tune;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The sweep directory.")
    String out;

    /** A screenful; a CSV is for a spreadsheet or a script, which want every trial unless told otherwise. */
    static final int SHOWN = 20;

    @Option(names = "--top", paramLabel = "N", description = "How many trials to show and write (default: " + SHOWN + " shown, every trial in the CSV).")
    Integer top;

    @Option(names = "--min", paramLabel = "METRIC", description = "Sort by this metric, lowest first.")
    String min;

    @Option(names = "--max", paramLabel = "METRIC", description = "Sort by this metric, highest first.")
    String max;

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Which trials: completed, stopped, failed (default: all).")
    List<String> statuses = List.of();

    @Option(names = "--columns", paramLabel = "COLUMN", split = ",",
            description = "Which columns, in order after the trial id: status, metrics, params, steps, duration, host, "
                    + "error, or a parameter or metric name (default: status,metrics,params,steps,duration,error). "
                    + "With several objectives or constraints, rank and feasible always come first.")
    List<String> columns = ResultsTable.DEFAULT_COLUMNS;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the trials as CSV: every one, or the --top N.")
    Path csv;

    @Override
    public Integer call() throws IOException {
        if (min != null && max != null) {
            throw new InvalidInputException("--min/--max", "", "give one of them, not both");
        }
        if (top != null && top < 1) {
            throw new InvalidInputException("--top", "", "must be >= 1, got " + top);
        }
        Objective objective = min != null ? new Objective(min, Objective.Mode.MIN)
                : max != null ? new Objective(max, Objective.Mode.MAX) : null;
        ResultsTable table;
        try {
            table = SparkTune.compare(out, objective, statuses(), top != null ? top : csv != null ? Integer.MAX_VALUE : SHOWN, columns);
        } catch (InvalidInputException e) {
            // A column that is not there says so without a source; a missing sweep already names --out.
            throw e.source() == null ? e.in("--columns") : e;
        }
        tune.out.print(table.text(top != null ? top : SHOWN));
        if (csv != null) {
            Path temp = Files.createTempFile(csv.toAbsolutePath().getParent(), "." + csv.getFileName(), ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                table.csv(writer);
            }
            Files.move(temp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }

    private EnumSet<TrialStatus> statuses() {
        if (statuses.isEmpty()) {
            return EnumSet.allOf(TrialStatus.class);
        }
        EnumSet<TrialStatus> chosen = EnumSet.noneOf(TrialStatus.class);
        for (String s : statuses) {
            try {
                chosen.add(TrialStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--status", s, "expected completed, stopped or failed");
            }
        }
        return chosen;
    }
}
