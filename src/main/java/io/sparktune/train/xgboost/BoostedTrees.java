package io.sparktune.train.xgboost;

import io.sparktune.core.Config;
import io.sparktune.data.TrainingData;
import io.sparktune.train.Trainable;
import io.sparktune.train.TrialContext;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.spark.broadcast.Broadcast;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Boosts one model for one trial on an executor, a round at a time: every {@code reportEvery} rounds
 * it evaluates the validation set and reports val_loss and val_accuracy (val_rmse for regression),
 * and every {@code checkpointEvery} rounds it saves the booster, so a retried, paused or resumed trial
 * continues from the next round. Each round's sampling is seeded by the trial's seed and the round
 * alone, so a resumed trial grows the trees an uninterrupted one would. With
 * {@code early_stopping_rounds} it stops once val_loss has not improved for that many rounds, and
 * returns its last round's metrics; the booster records the best round as XGBoost's own early
 * stopping does. The matrices it boosts on are shared with the other trials of the executor JVM that
 * boost on the same data ({@link SharedMatrices}); the booster is the trial's own.
 */
final class BoostedTrees implements Trainable {
    /** Booster attributes, kept in checkpoints and the saved model: early stopping's state. */
    static final String BEST_ROUND = "best_iteration";
    static final String BEST_LOSS = "best_score";

    private final BoosterOptions options;
    private final Broadcast<TrainingData> data;

    BoostedTrees(BoosterOptions options, Broadcast<TrainingData> data) {
        this.options = options;
        this.data = data;
    }

    @Override
    public Map<String, Double> train(Config config, TrialContext context) throws Exception {
        BoosterParameters hp = BoosterParameters.of(config);
        TrainingData set = data.value();
        Loss loss = options.loss(set.classes());
        GpuDevice.check(context.gpus());
        Map<String, Object> params = params(hp, loss, set.classes(), context);
        SharedMatrices.Key key = new SharedMatrices.Key(set, hp.maxBin(), (String) params.get("device"));
        try (SharedMatrices matrices = SharedMatrices.acquire(key)) {
            Booster booster = restore(context, params).orElse(null);
            if (booster == null) {
                booster = XGBoost.train(matrices.train(), params, 0, Map.of(RoundMetrics.SET, matrices.validation()), null, null);
            }
            try {
                // Set one by one: each eval_metric adds a metric, and a list would be one unknown name.
                for (String metric : List.of(loss.metric(), loss.companion()).stream().distinct().toList()) {
                    booster.setParam("eval_metric", metric);
                }
                Map<String, Double> metrics = boost(booster, matrices, hp, loss, context);
                SavedBooster.save(context, booster, config, loss, set, metrics);
                return metrics;
            } finally {
                booster.dispose();
            }
        }
    }

    private Map<String, Double> boost(Booster booster, SharedMatrices matrices, BoosterParameters hp, Loss loss,
                                      TrialContext context) throws Exception {
        int round = booster.getNumBoostedRound();
        Map<String, Double> metrics = Map.of();
        while (round < hp.rounds() && !context.shouldStop() && !stoppedEarly(booster, hp, round)) {
            matrices.update(booster, round);
            round++;
            boolean goOn = true;
            if (round % options.reportEvery() == 0 || round == hp.rounds()) {
                metrics = evaluate(booster, matrices.validation(), loss, round);
                boolean patient = hp.earlyStoppingRounds() == 0
                        || roundsWithoutBetter(booster, metrics.get("val_loss"), round) < hp.earlyStoppingRounds();
                goOn = context.report(round, metrics) && patient;
            }
            if (round % options.checkpointEvery() == 0 || !goOn) {
                byte[] state = booster.toByteArray("ubj");
                context.saveCheckpoint(round, out -> out.write(state));
            }
            if (!goOn) {
                break;
            }
        }
        if (metrics.isEmpty()) {
            // Resumed after the last round, or stopped before the first report: the metrics of the model as it is.
            metrics = evaluate(booster, matrices.validation(), loss, round);
        }
        return metrics;
    }

    /**
     * Early stopping's state lives on the booster, as XGBoost's own early stopping keeps it (and so in
     * checkpoints and the saved model): the best round so far, counted from 0, and its val_loss.
     *
     * @return rounds since the best one
     */
    private static int roundsWithoutBetter(Booster booster, double valLoss, int round) throws XGBoostError {
        String bestLoss = booster.getAttr(BEST_LOSS);
        if (bestLoss == null || valLoss < Double.parseDouble(bestLoss)) {
            booster.setAttr(BEST_ROUND, String.valueOf(round - 1));
            booster.setAttr(BEST_LOSS, String.valueOf(valLoss));
        }
        return round - 1 - Integer.parseInt(booster.getAttr(BEST_ROUND));
    }

    /** Whether a restored booster had already stopped early: a paused trial resumed after its patience ran out. */
    private static boolean stoppedEarly(Booster booster, BoosterParameters hp, int round) throws XGBoostError {
        String best = booster.getAttr(BEST_ROUND);
        return hp.earlyStoppingRounds() > 0 && best != null && round - 1 - Integer.parseInt(best) >= hp.earlyStoppingRounds();
    }

    private static Map<String, Double> evaluate(Booster booster, DMatrix validation, Loss loss, int round) throws XGBoostError {
        String line = booster.evalSet(new DMatrix[] {validation}, new String[] {RoundMetrics.SET}, round - 1);
        return RoundMetrics.parse(line, loss);
    }

    private static Map<String, Object> params(BoosterParameters hp, Loss loss, int classes, TrialContext context) {
        Map<String, Object> params = new HashMap<>(hp.booster());
        params.put("objective", loss.objective());
        if (loss == Loss.SOFTPROB) {
            params.put("num_class", classes);
        }
        if (loss.classification()) {
            // XGBoost 3 would fit an intercept per class and save it as a list, which XGBoost 1.x (Debian's Python
            // package) cannot parse and silently replaces with 0.5: fixed at 0.5, a zero margin, both read the same model.
            params.put("base_score", 0.5);
        }
        params.put("tree_method", "hist");
        params.put("nthread", context.cpus());
        params.put("device", GpuDevice.of(context.gpus()));
        params.put("seed", context.seed());
        // Each round's sampling from (seed, round) alone, not from a generator's state, which a checkpoint does not hold.
        params.put("seed_per_iteration", true);
        params.put("verbosity", 1);
        return params;
    }

    private static Optional<Booster> restore(TrialContext context, Map<String, Object> params) throws Exception {
        Optional<TrialContext.Checkpoint> checkpoint = context.latestCheckpoint();
        if (checkpoint.isEmpty()) {
            return Optional.empty();
        }
        byte[] state;
        try (InputStream in = checkpoint.get().open()) {
            state = in.readAllBytes();
        }
        Booster booster = XGBoost.loadModel(state);
        booster.setParams(params);
        return Optional.of(booster);
    }
}
