package io.sparktune.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.fs.Path;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code trials/<id>/progress.jsonl}: the steps one trial reported. Written from the executor, as
 * a whole file (HDFS has no cheap append), at most once per {@code flushMillis} and at the end, so a
 * trial that reports thousands of steps costs a few writes.
 */
public final class ProgressLog {
    static final String FILE = "progress.jsonl";

    /** One reported step. */
    public record Step(long step, long timeMillis, Map<String, Double> metrics) {
    }

    private final SweepDirectory dir;
    private final Path path;
    private final long flushMillis;
    private final StringBuilder lines = new StringBuilder();
    private long lastFlush;
    private boolean dirty;

    /** Continues the log of an earlier attempt, so a resumed trial keeps the steps it already made. */
    public ProgressLog(SweepDirectory dir, int trialId, long flushMillis, long resumeAfterStep) throws IOException {
        this.dir = dir;
        this.path = new Path(dir.trialDir(trialId), FILE);
        this.flushMillis = flushMillis;
        if (resumeAfterStep > 0) {
            for (Step step : read(dir, trialId)) {
                if (step.step() <= resumeAfterStep) {
                    lines.append(encode(step)).append('\n');
                }
            }
        }
        this.lastFlush = System.currentTimeMillis();
    }

    public void add(Step step) throws IOException {
        lines.append(encode(step)).append('\n');
        dirty = true;
        if (System.currentTimeMillis() - lastFlush >= flushMillis) {
            flush();
        }
    }

    public void flush() throws IOException {
        if (dirty) {
            dir.writeAtomically(path, lines.toString());
            dirty = false;
            lastFlush = System.currentTimeMillis();
        }
    }

    public static List<Step> read(SweepDirectory dir, int trialId) throws IOException {
        Path file = new Path(dir.trialDir(trialId), FILE);
        List<Step> steps = new ArrayList<>();
        if (!dir.exists(file)) {
            return steps;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(dir.fs().open(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode node = Json.MAPPER.readTree(line);
                steps.add(new Step(node.get("step").asLong(), node.get("time").asLong(), Json.metrics(node.get("metrics"))));
            }
        }
        return steps;
    }

    private static String encode(Step step) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("step", step.step());
        node.put("time", step.timeMillis());
        node.set("metrics", Json.metrics(step.metrics()));
        return node.toString();
    }
}
