package io.sparktune.train.xgboost;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The objectives a trial may train with, each with the metric XGBoost evaluates it by, which the
 * trial reports as {@code val_loss}. Classification objectives give probabilities, so that their
 * log loss and error rate mean what the {@code mlp} trainable's val_loss and val_accuracy mean.
 */
enum Loss {
    LOGISTIC("binary:logistic", "logloss", true),
    SOFTPROB("multi:softprob", "mlogloss", true),
    SQUARED("reg:squarederror", "rmse", false),
    ABSOLUTE("reg:absoluteerror", "mae", false),
    PSEUDO_HUBER("reg:pseudohubererror", "mphe", false),
    SQUARED_LOG("reg:squaredlogerror", "rmsle", false),
    POISSON("count:poisson", "poisson-nloglik", false),
    GAMMA("reg:gamma", "gamma-nloglik", false),
    TWEEDIE("reg:tweedie", "tweedie-nloglik@1.5", false);

    private final String objective;
    private final String metric;
    private final boolean classification;

    Loss(String objective, String metric, boolean classification) {
        this.objective = objective;
        this.metric = metric;
        this.classification = classification;
    }

    String objective() {
        return objective;
    }

    String metric() {
        return metric;
    }

    boolean classification() {
        return classification;
    }

    static Optional<Loss> named(String objective) {
        return Arrays.stream(values()).filter(l -> l.objective.equals(objective)).findFirst();
    }

    static List<String> objectives() {
        return Arrays.stream(values()).map(Loss::objective).toList();
    }

    /** The metric a trial reports beside val_loss: the error rate (as accuracy) or the RMSE. */
    String companion() {
        return switch (this) {
            case LOGISTIC -> "error";
            case SOFTPROB -> "merror";
            default -> "rmse";
        };
    }
}
