"""BoTorch's SingleTaskGP with qLogNoisyExpectedImprovement on levy6 (budget 100), many seeds at once.

BoTorch is the peer issue 4 names for gp. It cannot be installed on the development machine (no
PyPI), so this runs wherever BoTorch is importable, one process per seed:

    python3 bench/botorch_peer.py --seeds 48 --workers 16 --deadline 400 [--out DIR]

It prints each seed's final simple regret as it ends, then the median with its 90% bootstrap
interval, the same statistic bench/searchers.sh prints for sparktune's searchers. The loop follows
BoTorch's closed-loop tutorial: inputs in the unit cube, Standardize on the outcome, a Sobol
design of 2(d+1) points, then one point at a time from optimize_acqf (10 restarts, 512 raw
samples). Seeds that have not ended by the deadline are reported as unfinished, not dropped
silently.
"""
import argparse
import json
import math
import os
import random
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

DIMS, BUDGET, LOW, HIGH = 6, 100, -10.0, 10.0


def levy(x):
    w = [1 + (xi - 1) / 4 for xi in x]
    total = math.sin(math.pi * w[0]) ** 2
    for wi in w[:-1]:
        total += (wi - 1) ** 2 * (1 + 10 * math.sin(math.pi * wi + 1) ** 2)
    return total + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def run_seed(seed):
    import torch
    from botorch.acquisition.logei import qLogNoisyExpectedImprovement
    from botorch.fit import fit_gpytorch_mll
    from botorch.models import SingleTaskGP
    from botorch.models.transforms.outcome import Standardize
    from botorch.optim import optimize_acqf
    from gpytorch.mlls import ExactMarginalLogLikelihood

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    dtype = torch.double
    bounds = torch.stack([torch.zeros(DIMS, dtype=dtype), torch.ones(DIMS, dtype=dtype)])

    def objective(unit):
        return levy([LOW + (HIGH - LOW) * float(u) for u in unit])

    initial = 2 * (DIMS + 1)
    x = torch.quasirandom.SobolEngine(DIMS, scramble=True, seed=seed).draw(initial).to(dtype)
    y = torch.tensor([[-objective(row)] for row in x], dtype=dtype)
    while len(x) < BUDGET:
        model = SingleTaskGP(x, y, outcome_transform=Standardize(m=1))
        fit_gpytorch_mll(ExactMarginalLogLikelihood(model.likelihood, model))
        acquisition = qLogNoisyExpectedImprovement(model, X_baseline=x, prune_baseline=True)
        candidate, _ = optimize_acqf(acquisition, bounds=bounds, q=1, num_restarts=10, raw_samples=512)
        x = torch.cat([x, candidate.detach()])
        y = torch.cat([y, torch.tensor([[-objective(candidate[0])]], dtype=dtype)])
    return seed, -float(y.max())


def median_interval(values, resamples=4000):
    rng = random.Random(1)
    medians = sorted(statistics.median(rng.choices(values, k=len(values))) for _ in range(resamples))
    return medians[int(0.05 * resamples)], medians[int(0.95 * resamples)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=48)
    parser.add_argument("--from", dest="start", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--deadline", type=float, default=400, help="seconds; seeds not ended by then are reported unfinished")
    parser.add_argument("--out", default=None, help="folder for results.json")
    args = parser.parse_args()
    try:
        import botorch
        import torch
    except ImportError as e:
        print(f"botorch_peer.py: cannot import {e.name}; BoTorch is needed on this machine", file=sys.stderr)
        sys.exit(2)
    print(f"botorch {botorch.__version__} torch {torch.__version__} seeds {args.seeds} from {args.start} workers {args.workers}", flush=True)
    start = time.time()
    regrets = {}
    pool = ProcessPoolExecutor(max_workers=args.workers)
    futures = [pool.submit(run_seed, args.start + s) for s in range(args.seeds)]
    try:
        for future in as_completed(futures, timeout=args.deadline):
            seed, regret = future.result()
            regrets[seed] = regret
            print(f"seed {seed} regret {regret:.4g} at {time.time() - start:.0f} s", flush=True)
    except TimeoutError:
        pass
    pool.shutdown(wait=False, cancel_futures=True)
    values = [regrets[k] for k in sorted(regrets)]
    summary = {"botorch": botorch.__version__, "finished": len(values), "unfinished": args.seeds - len(values), "regrets": regrets}
    if values:
        low, high = median_interval(values)
        summary.update(median=statistics.median(values), interval90=[low, high],
                       below_0_757=sum(v < 0.757 for v in values) / len(values))
        print(f"levy6 (100) botorch qLogNEI: median {summary['median']:.4g}, 90% interval {low:.4g}-{high:.4g}, "
              f"{summary['below_0_757']:.0%} below 0.757, {len(values)} seeds finished, {summary['unfinished']} unfinished", flush=True)
    if args.out:
        with open(os.path.join(args.out, "results.json.tmp"), "w") as f:
            json.dump(summary, f, indent=1)
        os.replace(os.path.join(args.out, "results.json.tmp"), os.path.join(args.out, "results.json"))
    os._exit(0)


if __name__ == "__main__":
    main()
