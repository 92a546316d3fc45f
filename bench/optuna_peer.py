#!/usr/bin/python3
"""Optuna's TPE (univariate and multivariate) on the problems of SearcherBenchmark: same functions,
domains, budgets and seeds (1000 to 1000+n-1), sequential trials. Prints median and quartiles of the
final simple regret in the same table format.

    python3 bench/optuna_peer.py [--seeds 20] [--problems branin,levy6]
"""
import argparse
import math
import time
import warnings

import numpy as np
import optuna


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    term = x[1] - b * x[0] ** 2 + c * x[0] - 6
    return term ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
              [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def hartmann6(x):
    return -sum(HARTMANN_ALPHA[i] * math.exp(-sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6)))
                for i in range(4))


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    total = math.sin(math.pi * w[0]) ** 2
    for i in range(len(x) - 1):
        total += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    return total + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))


# name: (function, lows, highs, budget, global minimum), as in SearcherBenchmark.PROBLEMS
PROBLEMS = {
    "branin": (branin, [-5, 0], [10, 15], 50, 0.397887357729739),
    "hartmann6": (hartmann6, [0] * 6, [1] * 6, 100, -3.322368011391339),
    "levy6": (levy, [-10] * 6, [10] * 6, 100, 0.0),
    "rosenbrock4": (rosenbrock, [-5] * 4, [10] * 4, 100, 0.0),
}


def run(problem, multivariate, seed):
    function, lows, highs, budget, minimum = PROBLEMS[problem]
    sampler = optuna.samplers.TPESampler(seed=seed, multivariate=multivariate)
    study = optuna.create_study(sampler=sampler)

    def objective(trial):
        return function([trial.suggest_float("x%d" % i, lo, hi) for i, (lo, hi) in enumerate(zip(lows, highs))])

    start = time.perf_counter()
    study.optimize(objective, n_trials=budget)
    return study.best_value - minimum, (time.perf_counter() - start) * 1000 / budget


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--problems", default=",".join(PROBLEMS))
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.simplefilter("ignore")
    print("optuna %s, seeds=%d" % (optuna.__version__, args.seeds))
    print("| problem (budget) | searcher | parallelism | median regret | q25 | q75 | median ms per trial |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for problem in args.problems.split(","):
        for multivariate in (False, True):
            results = [run(problem, multivariate, 1000 + s) for s in range(args.seeds)]
            regrets = np.array([r[0] for r in results])
            q25, median, q75 = np.quantile(regrets, [0.25, 0.5, 0.75])
            name = "optuna tpe multivariate" if multivariate else "optuna tpe"
            print("| %s (%d) | %s | 1 | %.4g | %.4g | %.4g | %.3g |" % (
                problem, PROBLEMS[problem][3], name, median, q25, q75, np.median([r[1] for r in results])), flush=True)


if __name__ == "__main__":
    main()
