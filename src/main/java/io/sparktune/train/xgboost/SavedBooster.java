package io.sparktune.train.xgboost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktune.core.Config;
import io.sparktune.data.TrainingData;
import io.sparktune.store.Json;
import io.sparktune.train.TrialContext;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A trained booster as a trial leaves it in {@code trials/<id>/model/} (and the sweep in
 * {@code best/model/}): {@code model.ubj}, XGBoost's own model format, which XGBoost loads from any
 * language, and {@code description.json}: the objective, classes, features, rounds, the threads and
 * device it trained with, the config and the final metrics, and the XGBoost version that wrote it.
 */
public final class SavedBooster {
    static final String MODEL = "model.ubj";
    static final String DESCRIPTION = "description.json";

    private SavedBooster() {
    }

    static void save(TrialContext context, Booster booster, Config config, Loss loss, TrainingData set, Map<String, Double> metrics)
            throws IOException, XGBoostError {
        byte[] model = booster.toByteArray("ubj");
        context.saveModelFile(MODEL, out -> out.write(model));
        ObjectNode description = Json.MAPPER.createObjectNode();
        description.put("format", "ubj");
        description.put("xgboost", version());
        description.put("objective", loss.objective());
        description.put("classes", set.classes());
        description.put("features", set.train().width());
        description.put("rounds", booster.getNumBoostedRound());
        description.put("nthread", context.cpus());
        description.put("device", GpuDevice.of(context.gpus()));
        String best = booster.getAttr(BoostedTrees.BEST_ROUND);
        if (best != null) {
            description.put("best_iteration", Integer.parseInt(best));
        }
        description.set("config", Json.config(config));
        description.set("metrics", Json.MAPPER.valueToTree(metrics));
        byte[] text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(description);
        context.saveModelFile(DESCRIPTION, out -> out.write(text));
    }

    /**
     * Loads a saved booster from a local folder, ready for {@code booster.predict(matrix)}:
     * {@code SavedBooster.load(Path.of("sweeps/fmnist-xgb/best/model"))}. The caller disposes of it.
     */
    public static Booster load(Path dir) throws XGBoostError {
        return XGBoost.loadModel(dir.resolve(MODEL).toString());
    }

    /** The version of the xgboost4j jar on the class path. */
    static String version() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = XGBoost.class.getResourceAsStream("/xgboost4j-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties.getProperty("version", "unknown");
    }
}
