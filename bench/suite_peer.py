#!/usr/bin/python3
"""Optuna 3.1's samplers on the problems of bench/suite.tsv, with the protocol, budgets and seeds of
SuiteBenchmark: `parallelism` trials asked and in flight, a random one of them told, another asked.
One CSV row per run on stdout, the same columns as bench/suite.sh: the noise-free value at the trial
with the lowest value the sampler saw.

    /usr/bin/python3 bench/suite_peer.py [--half dev|held|all] [--problems a,b]
        [--samplers optuna-tpe,optuna-tpe-mv,optuna-cmaes,optuna-random] [--parallelism 1,8]
        [--seeds 10] [--from 1000] [--budget-per-dim 0] [--suite bench/suite-fresh.tsv]
    /usr/bin/python3 bench/suite_peer.py --tasks all [--samplers ...] [--parallelism 1,8] [--seeds 5] [--rounds]
        (the scikit-learn tasks of bench/tasks.json, 128 trials, scored in this process; --rounds as
        bench/tasks.sh --rounds: Bayesmark's rounds of `parallelism` trials, all told before the next round)
"""
import argparse
import os
import random
import sys
import time
import warnings

import numpy as np
import optuna

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sklearn_tasks  # noqa: E402
from suite_functions import suite  # noqa: E402

SAMPLERS = {
    "optuna-tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "optuna-tpe-mv": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True),
    "optuna-cmaes": lambda seed: optuna.samplers.CmaEsSampler(seed=seed),
    "optuna-random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
}


def distribution(domain):
    """Optuna's distribution for one of bench/tasks.json's parameter objects."""
    (kind, values), = domain.items()
    if kind in ("uniform", "loguniform"):
        return optuna.distributions.FloatDistribution(values[0], values[1], log=kind == "loguniform")
    if kind in ("randint", "lograndint"):
        return optuna.distributions.IntDistribution(values[0], values[1], log=kind == "lograndint")
    return optuna.distributions.CategoricalDistribution(values)


def sweep(sampler, parallelism, seed, distributions, budget, evaluate, rounds=False):
    """Ask/tell with `parallelism` trials in flight, a random one finishing, or with `rounds`, Bayesmark's
    protocol: `parallelism` trials asked, all told before the next are asked. Returns (lowest value, its
    params, median ask ms)."""
    study = optuna.create_study(sampler=SAMPLERS[sampler](seed))
    finishing = random.Random(seed)
    running, asked, best, best_params, ask_seconds = [], 0, float("inf"), None, []
    while asked < budget or running:
        if not rounds or not running:  # in rounds, the next batch once the last is told in full
            while len(running) < parallelism and asked < budget:
                start = time.perf_counter()
                running.append(study.ask(distributions))
                ask_seconds.append(time.perf_counter() - start)
                asked += 1
        trial = running.pop(0 if rounds else finishing.randrange(len(running)))
        value = evaluate(trial.params)
        study.tell(trial, value)
        if value < best:
            best, best_params = value, trial.params
    return best, best_params, 1000 * float(np.median(ask_seconds))


def run_task(task, sampler, parallelism, seed, rounds):
    """One sweep of a scikit-learn task: the lowest loss found, and the median ask time."""
    distributions = {param: distribution(domain) for param, domain in task["params"].items()}
    best, _, millis = sweep(sampler, parallelism, seed, distributions, 128, lambda params: sklearn_tasks.loss(task, params),
                            rounds)
    return best, millis


def run(problem, budget, sampler, parallelism, seed):
    """One sweep of a synthetic problem: the noise-free value at the trial with the lowest value seen."""
    distributions = {"x%d" % i: optuna.distributions.FloatDistribution(lo, hi)
                     for i, (lo, hi) in enumerate(zip(problem.low, problem.high))}
    noise = np.random.default_rng(seed)

    def observed(params):
        value = problem.function([params["x%d" % i] for i in range(problem.dims)])
        return value + (problem.noise * noise.standard_normal() if problem.noise else 0.0)

    _, params, millis = sweep(sampler, parallelism, seed, distributions, budget, observed)
    return problem.function([params["x%d" % i] for i in range(problem.dims)]), millis


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", default="all")
    parser.add_argument("--problems")
    parser.add_argument("--samplers", default=",".join(SAMPLERS))
    parser.add_argument("--parallelism", default="1")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--from", dest="first", type=int, default=1000)
    parser.add_argument("--budget-per-dim", type=int, default=0)
    parser.add_argument("--suite", help="another problem file in suite.tsv's format (bench/suite-fresh.tsv)")
    parser.add_argument("--tasks", help="the scikit-learn tasks of bench/tasks.json named here ('all' for every one), "
                                        "128 trials each, instead of the synthetic problems")
    parser.add_argument("--rounds", action="store_true", help="with --tasks: Bayesmark's protocol, `parallelism` trials "
                                                                "asked together and all told before the next round")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    warnings.simplefilter("ignore")
    print("problem,half,searcher,parallelism,budget,seed,best,optimum,suggest_ms", flush=True)
    if args.tasks:
        for name, task in sklearn_tasks.tasks().items():
            if args.tasks != "all" and name not in args.tasks.split(","):
                continue
            for parallelism in (int(p) for p in args.parallelism.split(",")):
                for sampler in args.samplers.split(","):
                    for seed in range(args.first, args.first + args.seeds):
                        best, millis = run_task(task, sampler, parallelism, seed, args.rounds)
                        print("%s,task,%s,%d,128,%d,%.10g,nan,%.4g" % (name, sampler, parallelism, seed, best, millis), flush=True)
        return
    for problem in (suite(args.suite) if args.suite else suite()):
        if args.half not in ("all", problem.half) or (args.problems and problem.name not in args.problems.split(",")):
            continue
        budget = args.budget_per_dim * problem.dims if args.budget_per_dim else problem.budget
        for parallelism in (int(p) for p in args.parallelism.split(",")):
            for sampler in args.samplers.split(","):
                for seed in range(args.first, args.first + args.seeds):
                    best, millis = run(problem, budget, sampler, parallelism, seed)
                    print("%s,%s,%s,%d,%d,%d,%.10g,%.17g,%.4g" % (problem.name, problem.half, sampler, parallelism, budget, seed,
                                                                  best, problem.optimum, millis), flush=True)


if __name__ == "__main__":
    main()
