#!/usr/bin/python3
"""Optuna 3.1's NSGAIISampler, multi-objective TPESampler (MOTPE) and RandomSampler on the problems of
ParetoBenchmark: same definitions (BoTorch's), dimensions, budgets, reference points and seeds (1000 to
1000+n-1), sequentially and at parallelism 4 (ask 4 + budget mod 4, then batches of 4, each told only
when the whole batch is done). Constraints as Optuna takes them: constraints_func, feasible when <= 0.
Prints median, 90% bootstrap interval of the median and quartiles of the final feasible hypervolume.

    /usr/bin/python3 bench/pareto_peer.py [--seeds 20] [--problems zdt1,dtlz2] [--samplers nsga2,tpe,random] [--parallel 1,4]

--trace N also prints, every N trials of every run, the seconds (wall and CPU) since the run began and the hypervolume
so far, as bench/pareto.sh --trace N does: where a run that does not finish became slow, and how far it got.
"""
import argparse
import math
import time
import warnings

import numpy as np
import optuna


def zdt(x, second):
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    return [x[0], g * second(x[0] / g)]


def dtlz2(x, m):
    g = sum((v - 0.5) ** 2 for v in x[m - 1:])
    f = []
    for i in range(m):
        value = 1 + g
        for j in range(m - 1 - i):
            value *= math.cos(x[j] * math.pi / 2)
        if i > 0:
            value *= math.sin(x[m - 1 - i] * math.pi / 2)
        f.append(value)
    return f


def branin_currin(x):
    u, v = 15 * x[0] - 5, 15 * x[1]
    branin = (v - 5.1 / (4 * math.pi ** 2) * u ** 2 + 5 / math.pi * u - 6) ** 2 + 10 * (1 - 1 / (8 * math.pi)) * math.cos(u) + 10
    a = x[0]
    currin = (1 - math.exp(-1 / (2 * x[1]))) * (2300 * a ** 3 + 1900 * a ** 2 + 2092 * a + 60) / (100 * a ** 3 + 500 * a ** 2 + 4 * a + 20)
    return [branin, currin]


def c2_slack(f, r=0.2):
    near_end = min((f[i] - 1) ** 2 + sum(f[j] ** 2 - r ** 2 for j in range(len(f)) if j != i) for i in range(len(f)))
    near_middle = sum((fi - 1 / math.sqrt(len(f))) ** 2 for fi in f) - r ** 2
    return min(near_end, near_middle)


# name: (objectives of x, constraint of f or None, dims, budget, reference point), as in ParetoBenchmark.PROBLEMS
PROBLEMS = {
    "zdt1": (lambda x: zdt(x, lambda t: 1 - math.sqrt(t)), None, 6, 200, [11, 11]),
    "zdt2": (lambda x: zdt(x, lambda t: 1 - t ** 2), None, 6, 200, [11, 11]),
    "dtlz2": (lambda x: dtlz2(x, 3), None, 6, 250, [1.1, 1.1, 1.1]),
    "branin-currin": (branin_currin, None, 2, 86, [18, 6]),
    "c2-dtlz2": (lambda x: dtlz2(x, 2), c2_slack, 4, 100, [1.1, 1.1]),
}


def hypervolume(points, reference):
    """Exact, by slicing along the last objective; the same algorithm as pareto.Hypervolume."""
    points = [p for p in points if all(a < b for a, b in zip(p, reference))]
    return _slice(points, reference, len(reference))


def _slice(points, reference, dims):
    if not points:
        return 0.0
    if dims == 1:
        return reference[0] - min(p[0] for p in points)
    ordered = sorted(points, key=lambda p: p[dims - 1])
    volume = 0.0
    for i, p in enumerate(ordered):
        top = ordered[i + 1][dims - 1] if i + 1 < len(ordered) else reference[dims - 1]
        if top > p[dims - 1]:
            volume += _slice(ordered[:i + 1], reference, dims - 1) * (top - p[dims - 1])
    return volume


def sampler_for(name, seed, constrained):
    constraints = (lambda t: t.user_attrs["c"]) if constrained else None
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(seed=seed, constraints_func=constraints)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed, constraints_func=constraints)
    return optuna.samplers.RandomSampler(seed=seed)


def run(problem, sampler_name, parallelism, seed, trace=0):
    objectives, constraint, dims, budget, reference = PROBLEMS[problem]
    started = time.monotonic()
    started_cpu = time.process_time()
    study = optuna.create_study(directions=["minimize"] * len(reference),
                                sampler=sampler_for(sampler_name, seed, constraint is not None))
    feasible = []
    batch = 1 if parallelism == 1 else parallelism + budget % parallelism
    done = 0
    while done < budget:
        trials = [study.ask() for _ in range(min(batch, budget - done))]
        xs = [[t.suggest_float("x%d" % i, 0, 1) for i in range(dims)] for t in trials]
        for t, x in zip(trials, xs):
            f = objectives(x)
            c = constraint(f) if constraint else 0.0
            if constraint:
                t.set_user_attr("c", [c])
            if c <= 0:
                feasible.append(f)
            study.tell(t, f)
            done += 1
            if trace and done % trace == 0:
                print("| trace | %s | optuna %s | %d | %d | %d | %.1f | %.1f | %.4f |" % (
                    problem, sampler_name, parallelism, seed, done, time.monotonic() - started,
                    time.process_time() - started_cpu, hypervolume(feasible, reference)), flush=True)
        batch = parallelism
    return hypervolume(feasible, reference)


def median_interval(values, resamples=4000):
    rng = np.random.default_rng(1)
    medians = np.median(rng.choice(values, size=(resamples, len(values)), replace=True), axis=1)
    return np.quantile(medians, 0.05), np.quantile(medians, 0.95)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--from", dest="start", type=int, default=1000)
    parser.add_argument("--problems", default=",".join(PROBLEMS))
    parser.add_argument("--samplers", default="random,nsga2,tpe")
    parser.add_argument("--parallel", default="1,4")
    parser.add_argument("--trace", type=int, default=0)
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore")
    print("optuna %s, %d seeds from %d\n" % (optuna.__version__, args.seeds, args.start))
    if args.trace:
        print("| trace | problem | sampler | parallelism | seed | trials | seconds | CPU seconds | hypervolume so far |")
    print("| problem (budget) | sampler | parallelism | median hypervolume | 90% interval of the median | q25 | q75 |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for problem in args.problems.split(","):
        for q in [int(p) for p in args.parallel.split(",")]:
            for name in args.samplers.split(","):
                volumes = np.array([run(problem, name, q, seed, args.trace) for seed in range(args.start, args.start + args.seeds)])
                low, high = median_interval(volumes)
                print("| %s (%d) | optuna %s | %d | %.4f | %.4f–%.4f | %.4f | %.4f |" % (
                    problem, PROBLEMS[problem][3], name, q, np.median(volumes), low, high,
                    np.quantile(volumes, 0.25), np.quantile(volumes, 0.75)), flush=True)


if __name__ == "__main__":
    main()
