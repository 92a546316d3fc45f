package io.sparktune.train.xgboost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validation metrics of one round, read from XGBoost's evaluation line
 * ({@code [12]\tval-mlogloss:0.41\tval-merror:0.15}) and named as the {@code mlp} trainable names
 * its own: val_loss, and val_accuracy (one minus the error rate) or val_rmse.
 */
final class RoundMetrics {
    static final String SET = "val";

    private RoundMetrics() {
    }

    static Map<String, Double> parse(String line, Loss loss) {
        Map<String, Double> evaluated = new LinkedHashMap<>();
        for (String field : line.split("\t")) {
            int colon = field.lastIndexOf(':');
            if (field.startsWith(SET + "-") && colon > 0) {
                evaluated.put(field.substring(SET.length() + 1, colon), Double.parseDouble(field.substring(colon + 1)));
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_loss", require(evaluated, loss.metric(), line));
        double companion = require(evaluated, loss.companion(), line);
        if (loss.classification()) {
            metrics.put("val_accuracy", 1 - companion);
        } else {
            metrics.put("val_rmse", companion);
        }
        return metrics;
    }

    private static double require(Map<String, Double> evaluated, String metric, String line) {
        Double value = evaluated.get(metric);
        if (value == null) {
            throw new IllegalStateException("XGBoost's evaluation has no " + metric + ": " + line);
        }
        return value;
    }
}
