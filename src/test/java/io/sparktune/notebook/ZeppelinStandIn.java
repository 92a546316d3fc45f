package io.sparktune.notebook;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The part of Zeppelin's {@code z} (ZeppelinContext) that SparkTune's notes use: {@code z.show}
 * prints a DataFrame as Zeppelin's %table text (tab-separated, at most 1000 rows), and
 * {@code z.textbox} answers from the test's values, else the note's default.
 */
public final class ZeppelinStandIn {
    private static final int MAX_RESULT = 1000;
    private final Map<String, String> inputs;
    private final PrintStream out;
    private int shown;

    ZeppelinStandIn(Map<String, String> inputs, PrintStream out) {
        this.inputs = inputs;
        this.out = out;
    }

    public Object textbox(String name, String defaultValue) {
        return inputs.getOrDefault(name, defaultValue);
    }

    public void show(Object table) {
        if (!(table instanceof Dataset<?> dataset)) {
            throw new IllegalArgumentException("z.show takes a DataFrame here, got " + (table == null ? "null" : table.getClass()));
        }
        Dataset<Row> rows = dataset.toDF();
        out.println("%table " + String.join("\t", rows.columns()));
        for (Row row : rows.limit(MAX_RESULT).collectAsList()) {
            out.println(Arrays.stream(rowValues(row)).map(String::valueOf).collect(Collectors.joining("\t")));
        }
        shown++;
    }

    private static Object[] rowValues(Row row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < row.size(); i++) {
            values[i] = row.get(i);
        }
        return values;
    }

    /** How many tables the note showed. */
    int shown() {
        return shown;
    }
}
