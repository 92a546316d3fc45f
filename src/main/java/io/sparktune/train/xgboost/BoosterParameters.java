package io.sparktune.train.xgboost;

import io.sparktune.core.Config;
import io.sparktune.space.Space;
import io.sparktune.train.KnownParameters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hyperparameters an xgboost trial reads from its config. A space names only those it searches;
 * the others keep XGBoost's defaults, which XGBoost applies itself, so they are never passed.
 *
 * @param booster             the values to set on the booster, by XGBoost's names
 * @param rounds              {@code num_round}: boosting rounds (XGBoost's {@code train} default, 10)
 * @param earlyStoppingRounds {@code early_stopping_rounds}: stop after this many rounds without a better
 *                            val_loss; 0, the default, never stops early
 */
record BoosterParameters(Map<String, Object> booster, int rounds, int earlyStoppingRounds) {
    /** Set on the booster as they are; XGBoost checks their ranges and says which is wrong. */
    private static final List<String> REAL = List.of("eta", "min_child_weight", "lambda", "alpha", "gamma", "scale_pos_weight");
    /** Fractions of rows or columns, in (0, 1]. */
    private static final List<String> FRACTIONS = List.of("subsample", "colsample_bytree", "colsample_bylevel");
    private static final List<String> WHOLE = List.of("max_depth", "max_bin", "max_leaves");
    static final List<String> GROW_POLICIES = List.of("depthwise", "lossguide");
    static final KnownParameters KNOWN = new KnownParameters("xgboost", names(), Map.of("grow_policy", GROW_POLICIES),
            Set.of("max_depth", "max_bin", "max_leaves", "num_round", "early_stopping_rounds"));

    private static Set<String> names() {
        Set<String> names = new TreeSet<>(REAL);
        names.addAll(FRACTIONS);
        names.addAll(WHOLE);
        names.addAll(List.of("grow_policy", "num_round", "early_stopping_rounds"));
        return Collections.unmodifiableSet(names);
    }

    static void validate(Space space) {
        KNOWN.check(space);
    }

    /** The values of one trial; a value of the wrong kind fails the trial with a message that names it. */
    static BoosterParameters of(Config config) {
        Map<String, Object> booster = new LinkedHashMap<>();
        for (String name : REAL) {
            if (config.has(name)) {
                booster.put(name, config.getDouble(name));
            }
        }
        for (String name : FRACTIONS) {
            if (config.has(name)) {
                double value = config.getDouble(name);
                if (!(value > 0 && value <= 1)) {
                    throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
                }
                booster.put(name, value);
            }
        }
        for (String name : WHOLE) {
            if (config.has(name)) {
                booster.put(name, whole(config, name, 0));
            }
        }
        if (config.has("grow_policy")) {
            String policy = config.getString("grow_policy");
            if (!GROW_POLICIES.contains(policy)) {
                throw new IllegalArgumentException("grow_policy must be one of " + GROW_POLICIES + ", got " + policy);
            }
            booster.put("grow_policy", policy);
        }
        int rounds = config.has("num_round") ? whole(config, "num_round", 1) : 10;
        int patience = config.has("early_stopping_rounds") ? whole(config, "early_stopping_rounds", 0) : 0;
        return new BoosterParameters(Map.copyOf(booster), rounds, patience);
    }

    /** {@code max_bin}: the histogram bins, XGBoost's default 256 unless the config names it. */
    int maxBin() {
        return (int) booster.getOrDefault("max_bin", 256);
    }

    private static int whole(Config config, String name, int min) {
        double value = config.getDouble(name);
        if (value != Math.rint(value) || value < min || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number >= " + min + ", got " + config.get(name));
        }
        return (int) value;
    }
}
