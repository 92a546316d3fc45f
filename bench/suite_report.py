#!/usr/bin/python3
"""Tables from the CSV rows of bench/suite.sh and bench/suite_peer.py (issue 16), in Markdown.

    /usr/bin/python3 bench/suite_report.py rows.csv [more.csv ...] [--reference random] [--detail]

Per problem and searcher: the median simple regret (best - optimum) over seeds with a 90% bootstrap
interval, and Bayesmark's normalised score 100 * (1 - (median - optimum) / (reference median - optimum)),
the reference being random search's median on the same problem (SparkTune's `random` unless
--reference names another). Runs with fewer seeds than the most any searcher had on the same
problem, parallelism and budget (a run still in progress) are left out. Per half and parallelism, one line per searcher: the mean normalised
score and, for each Optuna sampler, the share of problems where the searcher's median is lower (a tie
counts a half), over the problems that every searcher in the table was run on, with a 90% bootstrap
interval (every problem's seeds resampled on both sides: how far the share moves with other seeds). Where a problem has both parallelism 1 and 8, the loss at 8: the median over
problems of the sequential score minus the parallel one.
"""
import argparse
import collections
import csv
import math

import numpy as np


def resampled_medians(values, rng):
    """The medians of 4,000 bootstrap resamples of values."""
    return np.median(rng.choice(np.asarray(values), size=(4000, len(values)), replace=True), axis=1)


def bootstrap(values, rng):
    return np.quantile(resampled_medians(values, rng), [0.05, 0.95])


def win(mine, other):
    """1 where mine is the lower median, a half for a tie."""
    return np.where(mine < other, 1.0, np.where(mine == other, 0.5, 0.0))


def share_interval(pairs, runs, rng):
    """90% bootstrap interval of the share of problems won: both sides' seeds resampled on every problem."""
    wins = sum(win(resampled_medians(runs[mine], rng), resampled_medians(runs[other], rng)) for mine, other in pairs)
    return np.quantile(wins / len(pairs), [0.05, 0.95])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--reference", default="random")
    parser.add_argument("--detail", action="store_true", help="print the per-problem table too")
    parser.add_argument("--searchers", help="only these (comma-separated), besides the reference")
    parser.add_argument("--pivot", action="store_true", help="per parallelism, one row per problem, one column per searcher")
    args = parser.parse_args()
    wanted = set(args.searchers.split(",")) | {args.reference} if args.searchers else None
    raw = collections.defaultdict(list)
    optima = {}
    runs = {}
    meta = {}
    for name in args.files:
        with open(name) as f:
            for row in csv.DictReader(f):
                if wanted and row["searcher"] not in wanted:
                    continue
                key = (row["problem"], row["searcher"], int(row["parallelism"]), int(row["budget"]))
                raw[key].append(float(row["best"]))
                optima[row["problem"]] = float(row["optimum"])
                meta[row["problem"]] = row["half"]
    # A task's optimum is unknown: Bayesmark takes the best value any run found.
    found = collections.defaultdict(lambda: float("inf"))
    for (problem, _, _, _), values in raw.items():
        found[problem] = min(found[problem], min(values))
    for key, values in raw.items():
        optimum = optima[key[0]] if not math.isnan(optima[key[0]]) else found[key[0]]
        runs[key] = [v - optimum for v in values]
    # A run still in progress (fewer seeds than the problem's other searchers had) is left out.
    most = collections.Counter()
    for key, values in runs.items():
        most[(key[0], key[2], key[3])] = max(most[(key[0], key[2], key[3])], len(values))
    runs = {key: values for key, values in runs.items() if len(values) == most[(key[0], key[2], key[3])]}
    rng = np.random.default_rng(1)
    median = {key: float(np.median(v)) for key, v in runs.items()}
    reference = {}
    for (problem, searcher, parallelism, budget), m in median.items():
        if searcher == args.reference and parallelism == 1:
            reference[(problem, budget)] = m
    score = {}
    for (problem, searcher, parallelism, budget), m in median.items():
        ref = reference.get((problem, budget))
        if ref is not None and ref > 0:
            score[(problem, searcher, parallelism, budget)] = 100 * (1 - m / ref)
    searchers = sorted({k[1] for k in runs}, key=lambda s: (s.startswith("optuna"), s))
    peers = [s for s in searchers if s.startswith("optuna")]
    seeds = sorted({len(v) for v in runs.values()})
    print("seeds per run: %s; reference for the score: %s's median at parallelism 1" % (seeds, args.reference))
    if args.detail:
        print()
        print("| problem (budget) | half | searcher | parallelism | median regret | 90% interval | score |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for key in sorted(runs, key=lambda k: (list(meta).index(k[0]), k[3], k[2], searchers.index(k[1]))):
            problem, searcher, parallelism, budget = key
            low, high = bootstrap(np.array(runs[key]), rng)
            s = score.get(key)
            print("| %s (%d) | %s | %s | %d | %.4g | %.4g–%.4g | %s |" % (problem, budget, meta[problem], searcher, parallelism,
                                                                    median[key], low, high, "" if s is None else "%.1f" % s))
    if args.pivot:
        for parallelism in sorted({k[2] for k in runs}):
            print()
            print("**Parallelism %d: median simple regret (normalised score)**" % parallelism)
            print()
            print("| problem (budget) | half | " + " | ".join(searchers) + " |")
            print("| --- | --- | " + " | ".join("---" for _ in searchers) + " |")
            for problem, budget in sorted({(k[0], k[3]) for k in runs if k[2] == parallelism},
                                          key=lambda pb: (list(meta).index(pb[0]), pb[1])):
                cells = []
                for searcher in searchers:
                    key = (problem, searcher, parallelism, budget)
                    cells.append("" if key not in median else "%.3g (%.0f)" % (median[key], score[key]) if key in score
                                 else "%.3g" % median[key])
                print("| %s (%d) | %s | %s |" % (problem, budget, meta[problem], " | ".join(cells)))
    for half in ("dev", "held", "all", "fresh", "fresh2", "task"):
        for parallelism in sorted({k[2] for k in runs}):
            keys = {k for k in runs if k[2] == parallelism and (meta[k[0]] == half or half == "all" and meta[k[0]] in ("dev", "held"))}
            # Aggregates compare like with like: only the problems that every searcher here was run on.
            present = {k[1] for k in keys}
            common = set.intersection(*[{(k[0], k[3]) for k in keys if k[1] == s} for s in present]) if present else set()
            keys = {k for k in keys if (k[0], k[3]) in common}
            if not keys:
                continue
            print()
            print("**%s, parallelism %d: %d problems, each run by every searcher listed**" % (
                {"dev": "development half", "held": "held-out half", "all": "whole synthetic suite", "fresh": "fresh problems (bench/suite-fresh.tsv)",
                 "fresh2": "second fresh set (bench/suite-fresh2.tsv)", "task": "scikit-learn tasks"}[half], parallelism, len(common)))
            print()
            print("| searcher | problems | mean score | " + " | ".join("beats %s" % p for p in peers) + " |")
            print("| --- | --- | --- | " + " | ".join("---" for _ in peers) + " |")
            for searcher in searchers:
                mine = {(k[0], k[3]): k for k in keys if k[1] == searcher}
                if not mine:
                    continue
                scores = [score[k] for k in mine.values() if k in score]
                shares = []
                for peer in peers:
                    pairs = [(k, (k[0], peer, parallelism, k[3])) for k in mine.values()]
                    pairs = [(k, other) for k, other in pairs if other in keys and peer != searcher]
                    if not pairs:
                        shares.append("")
                        continue
                    share = np.mean([win(median[k], median[other]) for k, other in pairs])
                    low, high = share_interval(pairs, runs, rng)
                    shares.append("%.0f%% of %d (%.0f–%.0f%%)" % (100 * share, len(pairs), 100 * low, 100 * high))
                print("| %s | %d | %.1f | %s |" % (searcher, len(mine), np.mean(scores) if scores else float("nan"), " | ".join(shares)))
    parallel = sorted({k[2] for k in runs if k[2] > 1})
    for p in parallel:
        print()
        print("**Loss at parallelism %d: median over problems of score(1) − score(%d), and of score(%d) / score(1)**" % (p, p, p))
        print()
        print("| searcher | problems | median loss (points) | median ratio |")
        print("| --- | --- | --- | --- |")
        for searcher in searchers:
            pairs = [(score[k], score[(k[0], k[1], p, k[3])]) for k in score
                     if k[1] == searcher and k[2] == 1 and (k[0], k[1], p, k[3]) in score]
            if pairs and searcher != args.reference:
                print("| %s | %d | %.1f | %.3f |" % (searcher, len(pairs), np.median([a - b for a, b in pairs]),
                                                     np.median([b / a for a, b in pairs if a > 0])))


if __name__ == "__main__":
    main()
