#!/usr/bin/python3
"""The peer of bench/fmnist-xgboost.sh: Optuna 3.1 with Debian's python3-xgboost (1.7.4), the space
of conf/spaces/fashion-xgboost.json (random search, 24 trials, n_jobs=2, nthread=1, tree_method=hist,
every round evaluated on the validation set), on the same IDX files. A trial's value is its last
round's validation accuracy, as a SparkTune trial's result is. Prints wall time, best accuracy and
peak memory; with --rounds-only, trains one trial and prints its seconds per round instead.

    /usr/bin/python3 bench/xgboost_peer.py DATA_DIR [--trials 24] [--rounds 30] [--jobs 2] [--seed 3]
"""
import argparse
import gzip
import resource
import struct
import time

import numpy as np
import optuna
import xgboost as xgb


def read_idx(prefix):
    with gzip.open(prefix + "-images-idx3-ubyte.gz") as f:
        _, n, rows, cols = struct.unpack(">IIII", f.read(16))
        images = np.frombuffer(f.read(), dtype=np.uint8).reshape(n, rows * cols).astype(np.float32)
    with gzip.open(prefix + "-labels-idx1-ubyte.gz") as f:
        f.read(8)
        labels = np.frombuffer(f.read(), dtype=np.uint8).astype(np.float32)
    return images, labels


def params(trial):
    return {
        "eta": trial.suggest_float("eta", 0.05, 0.5, log=True),
        "max_depth": trial.suggest_int("max_depth", 3, 8),
        "min_child_weight": trial.suggest_float("min_child_weight", 1, 10, log=True),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "colsample_bytree": trial.suggest_float("colsample_bytree", 0.3, 1.0),
        "lambda": trial.suggest_float("lambda", 0.1, 10, log=True),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--trials", type=int, default=24)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--rounds-only", action="store_true")
    args = parser.parse_args()
    start = time.time()
    x, y = read_idx(args.data + "/train")
    vx, vy = read_idx(args.data + "/t10k")
    # One DMatrix pair for all trials, as Optuna users do; each booster keeps its own histogram cuts.
    train = xgb.DMatrix(x, label=y, nthread=1)
    validation = xgb.DMatrix(vx, label=vy, nthread=1)
    classes = int(max(y.max(), vy.max())) + 1
    fixed = {"objective": "multi:softprob", "num_class": classes, "eval_metric": ["mlogloss", "merror"],
             "tree_method": "hist", "nthread": 1, "base_score": 0.5}

    def objective(trial):
        history = {}
        xgb.train({**fixed, **params(trial), "seed": trial.number}, train, args.rounds,
                  evals=[(validation, "val")], evals_result=history, verbose_eval=False)
        return 1 - history["val"]["merror"][-1]

    if args.rounds_only:
        stamps = []

        class Clock(xgb.callback.TrainingCallback):
            def after_iteration(self, model, epoch, evals_log):
                stamps.append(time.perf_counter())
                return False

        xgb.train({**fixed, "eta": 0.3, "max_depth": 6, "seed": 0}, train, args.rounds,
                  evals=[(validation, "val")], verbose_eval=False, callbacks=[Clock()])
        print("seconds_per_round=%.4f" % ((stamps[-1] - stamps[0]) / (len(stamps) - 1)))
        return
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.RandomSampler(seed=args.seed))
    study.optimize(objective, n_trials=args.trials, n_jobs=args.jobs)
    print("peer_wall_seconds=%.1f" % (time.time() - start))
    print("peer_best_val_accuracy=%.4f" % study.best_value)
    print("peer_peak_rss_mb=%.0f" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


if __name__ == "__main__":
    main()
