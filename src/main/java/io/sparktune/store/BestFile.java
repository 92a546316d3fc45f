package io.sparktune.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Objective;
import io.sparktune.core.TrialResult;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code best/best.json}: the best trial so far, rewritten whenever a better one finishes; and
 * {@code best/model/}, a copy of that trial's {@code trials/<id>/model/} when its trainable saved one.
 */
public final class BestFile {
    static final String FILE = "best/best.json";
    private static final String MODEL = "best/model";

    private BestFile() {
    }

    public static void write(SweepDirectory dir, Objective objective, TrialResult best) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("trial", best.id());
        node.put("metric", objective.metric());
        node.put("mode", objective.mode().label());
        node.put("value", best.metrics().get(objective.metric()));
        node.set("config", Json.config(best.config()));
        node.set("metrics", Json.metrics(best.metrics()));
        node.put("status", best.status().name());
        node.put("seed", best.seed());
        node.put("steps", best.steps());
        node.put("host", best.host());
        Path model = dir.resolve(MODEL);
        if (copyModel(dir, best.id())) {
            node.put("model", model.toString());
        }
        dir.writeAtomically(dir.resolve(FILE), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    /** A trial's model folder, {@code trials/<id>/model}. */
    public static Path modelFolder(SweepDirectory dir, int trialId) {
        return new Path(dir.trialDir(trialId), "model");
    }

    /** Where a trial's model file goes: {@code trials/<id>/model/<name>}. */
    public static Path modelFile(SweepDirectory dir, int trialId, String name) {
        if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
        return new Path(modelFolder(dir, trialId), name);
    }

    /**
     * Replaces best/model with the trial's model folder, copied beside it under a hidden name first and
     * then renamed into place, so a crash never leaves a half-copied model there. False when the trial
     * saved no model.
     */
    private static boolean copyModel(SweepDirectory dir, int trialId) throws IOException {
        Path source = modelFolder(dir, trialId);
        Path target = dir.resolve(MODEL);
        if (!dir.exists(source)) {
            if (dir.exists(target)) {
                dir.fs().delete(target, true);
            }
            return false;
        }
        dir.replaceFolder(target, staged -> {
            if (!FileUtil.copy(dir.fs(), source, dir.fs(), staged, false, dir.conf())) {
                throw new IOException("cannot copy " + source + " to " + staged);
            }
        });
        return true;
    }

    public static Optional<JsonNode> read(SweepDirectory dir) throws IOException {
        Path path = dir.resolve(FILE);
        return dir.exists(path) ? Optional.of(Json.MAPPER.readTree(dir.readText(path))) : Optional.empty();
    }
}
