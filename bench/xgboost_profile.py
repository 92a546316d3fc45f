#!/usr/bin/python3
"""Where a finished xgboost sweep's wall time went, from its journal and progress files
(bench/fmnist-xgboost.sh runs it on its sweeps): the time before the first trial started on an
executor and after the last one ended (JVM and Spark start, data read and broadcast, the first task's
launch; trials.parquet and exit), each trial's setup before its first round (matrices, booster, the
task's start), its rounds, its end after the last report (model save), and the slots' idle time
between trials.

    /usr/bin/python3 bench/xgboost_profile.py SWEEP_DIR WALL_SECONDS SLOTS
"""
import glob
import json
import os
import statistics
import sys


def main():
    sweep, wall, slots = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    results = []
    for name in sorted(glob.glob(os.path.join(sweep, "journal", "*.jsonl"))):
        for line in open(name):
            record = json.loads(line)
            if record["kind"] == "result":
                results.append(record)
    setups, rounds, ends = [], [], []
    for r in results:
        times = [json.loads(line)["time"] for line in open(os.path.join(sweep, "trials", str(r["id"]), "progress.jsonl"))]
        per_round = (times[-1] - times[0]) / (len(times) - 1) if len(times) > 1 else 0
        setups.append((times[0] - r["start"] - per_round) / 1000)
        rounds.append((times[-1] - times[0] + per_round) / 1000)
        ends.append((r["end"] - times[-1]) / 1000)
    first, last = min(r["start"] for r in results), max(r["end"] for r in results)
    busy = sum((r["end"] - r["start"]) / 1000 for r in results)
    span = (last - first) / 1000
    print("trials=%d outside_trials_s=%.1f (before the first and after the last) span_s=%.1f" % (len(results), wall - span, span))
    print("per trial, median: setup_s=%.2f rounds_s=%.1f end_s=%.2f; all trials: setup_s=%.1f rounds_s=%.1f end_s=%.1f"
          % (statistics.median(setups), statistics.median(rounds), statistics.median(ends), sum(setups), sum(rounds), sum(ends)))
    print("slots idle between trials: %.1f slot-seconds of %.1f (%.1f%%)" % (slots * span - busy, slots * span, 100 * (slots * span - busy) / (slots * span)))


if __name__ == "__main__":
    main()
