#!/usr/bin/python3
"""Replays MO-ASHA on full-training sweeps of fashion-mlp-pareto with three orders within a rung's
front, so that the rules meet the same arrivals: crowding distance, then trial id (the first
RungOrder); crowding distance, then hypervolume contribution (RungOrder now); and hypervolume
contribution alone (SMS-EMOA's, not built: the candidate that the replays weigh). A real MO-ASHA run's arrivals depend on the machine's load; a replay's
do not, so the difference between the two rules is the rules' own.

Each sweep directory is a fifo sweep that bench/pareto-mlp.sh --out DIR wrote (DIR/seedN-fifo):
training is seeded per trial, so a trial's metrics at epoch e are those MO-ASHA would see, and each
epoch's wall time from its progress log orders the arrivals (2 slots, trials start in id order).
The rule mirrors schedule.RungOrder and AshaScheduler (grace 1, eta 3, 9 epochs: rungs at 1 and 3;
of the n records at a rung when a trial arrives, the best max(1, n // 3) go on).

A real run meets one order of arrivals of many that the load could make. So besides the measured
epoch times, each rule also meets DRAWS orders in which every epoch's time is scaled by a random
factor (log-normal, sigma 0.3, the same draws for every rule): their median epochs ratio and
hypervolume ratio, and in how many of them both goals hold (>= 3x fewer epochs, hypervolume >= 0.95
of full training's).

    bench/mo_asha_replay.py DIR/seed8-fifo [DIR/seed9-fifo ...]
"""
import heapq
import json
import random
import statistics
import sys
from pathlib import Path

REFERENCE = (-0.5, 1e6)  # val_accuracy 0.5, 1,000,000 weights, as bench/pareto-mlp.sh measures
MARGIN = 0.1             # RungOrder.MARGIN
RUNGS = (1, 3)
EPOCHS = 9
SLOTS = 2
DRAWS = 20
SIGMA = 0.3


def load(sweep):
    """Per trial: the losses (-val_accuracy, parameters) after each epoch, and each epoch's seconds."""
    starts = {}
    for journal in (sweep / 'journal').glob('*.jsonl'):
        for line in journal.read_text().splitlines():
            record = json.loads(line)
            if record['kind'] == 'result':
                starts[record['id']] = record['start']
    curves, durations = {}, {}
    for log in (sweep / 'trials').glob('*/progress.jsonl'):
        trial = int(log.parent.name)
        steps = [json.loads(line) for line in log.read_text().splitlines()]
        curves[trial] = [(-s['metrics']['val_accuracy'], s['metrics']['parameters']) for s in steps]
        ends = [starts[trial]] + [s['time'] for s in steps]
        durations[trial] = [b - a for a, b in zip(ends, ends[1:])]
    return curves, durations


def dominates(a, b):
    return all(x <= y for x, y in zip(a, b)) and a != b


def front(points):
    return [p for p in points if not any(dominates(q, p) for q in points)]


def hypervolume(points, reference):
    inside = sorted((p for p in points if p[0] < reference[0] and p[1] < reference[1]), key=lambda p: p[1])
    volume, best = 0.0, reference[0]
    for k, p in enumerate(inside):
        best = min(best, p[0])
        top = inside[k + 1][1] if k + 1 < len(inside) else reference[1]
        volume += (reference[0] - best) * (top - p[1])
    return volume


def best_first(records, rule):
    """Rank under domination, then the rule's order within a front, then trial id."""
    points = dict(records)
    rank, left, r = {}, set(points), 1
    while left:
        for i in [i for i in left if not any(dominates(points[j], points[i]) for j in left)]:
            rank[i] = r
            left.discard(i)
        r += 1
    reference = []
    for m in range(2):
        worst, best = max(p[m] for p in points.values()), min(p[m] for p in points.values())
        reference.append(worst + max(MARGIN * (worst - best), 1e-9 * max(1, abs(worst))))
    crowding = {i: 0.0 for i in points}
    contribution = {}
    for r in set(rank.values()):
        members = [i for i in points if rank[i] == r]
        for m in range(2):
            by = sorted(members, key=lambda i: points[i][m])
            low, high = points[by[0]][m], points[by[-1]][m]
            crowding[by[0]] = crowding[by[-1]] = float('inf')
            if high > low:
                for k in range(1, len(by) - 1):
                    crowding[by[k]] += (points[by[k + 1]][m] - points[by[k - 1]][m]) / (high - low)
        total = hypervolume([points[i] for i in members], reference)
        for i in members:
            contribution[i] = total - hypervolume([points[j] for j in members if j != i], reference)
    within = {
        'crowding, trial id': lambda i: (-crowding[i],),
        'crowding, contribution': lambda i: (-crowding[i], -contribution[i]),
        'contribution alone': lambda i: (-contribution[i],),
    }[rule]
    return sorted(points, key=lambda i: (rank[i],) + within(i) + (i,))


def replay(curves, durations, rule):
    """Epochs trained per trial when MO-ASHA decides at each rung."""
    trials = sorted(curves)
    rungs = {step: [] for step in RUNGS}
    trained = {}
    events = []
    waiting = list(trials)
    for _ in range(SLOTS):
        trial = waiting.pop(0)
        heapq.heappush(events, (durations[trial][0], trial, 1))
    while events:
        now, trial, epoch = heapq.heappop(events)
        trained[trial] = epoch
        goes_on = True
        if epoch in rungs:
            rungs[epoch].append((trial, curves[trial][epoch - 1]))
            order = best_first(rungs[epoch], rule)
            goes_on = trial in order[:max(1, len(rungs[epoch]) // 3)]
        if goes_on and epoch < EPOCHS:
            heapq.heappush(events, (now + durations[trial][epoch], trial, epoch + 1))
        elif waiting:
            following = waiting.pop(0)
            heapq.heappush(events, (now + durations[following][0], following, 1))
    return trained


def outcome(curves, durations, rule):
    """Epochs trained, the final front's hypervolume, and the front as 'trial: epochs'."""
    trained = replay(curves, durations, rule)
    last = {i: curves[i][e - 1] for i, e in trained.items()}
    kept = front(list(last.values()))
    members = ', '.join(f'{i}: {trained[i]}' for i in sorted(last) if last[i] in kept)
    return sum(trained.values()), hypervolume(kept, REFERENCE) / 1e6, members


def main():
    print(f'| sweep | full: epochs, hypervolume | rule | epochs | fewer | hypervolume | / full | front (trial: epochs) '
          f'| {DRAWS} draws: median fewer, median / full, both goals met |')
    print('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    for arg in sys.argv[1:]:
        curves, durations = load(Path(arg))
        full_epochs = sum(len(c) for c in curves.values())
        full = hypervolume(front([c[-1] for c in curves.values()]), REFERENCE) / 1e6
        generator = random.Random(arg)
        draws = [{i: [d * generator.lognormvariate(0, SIGMA) for d in ds] for i, ds in durations.items()} for _ in range(DRAWS)]
        for rule in ('crowding, trial id', 'crowding, contribution', 'contribution alone'):
            epochs, volume, members = outcome(curves, durations, rule)
            drawn = [outcome(curves, d, rule) for d in draws]
            fewer = [full_epochs / e for e, _, _ in drawn]
            kept = [v / full for _, v, _ in drawn]
            met = sum(f >= 3 and k >= 0.95 for f, k in zip(fewer, kept))
            print(f'| {Path(arg).name} | {full_epochs}, {full:.4f} | {rule} | {epochs} | {full_epochs / epochs:.2f}x | {volume:.4f} '
                  f'| {volume / full:.3f} | {members} | {statistics.median(fewer):.2f}x, {statistics.median(kept):.3f}, {met} of {DRAWS} |')


if __name__ == '__main__':
    main()
