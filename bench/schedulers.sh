#!/usr/bin/env bash
# Early stopping against full training (issue 5) on local[2], with the function trainable: branin as
# 27-step trials with crossing learning curves; fifo, asha, hyperband, median and pbt. Steps trained,
# wall time and best regret, medians over --seeds (default 3). About 5 minutes on 2 idle cores.
#   bench/schedulers.sh [--seeds 3] [--trials 81] [--step-seconds 0.02] [--spread 10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests process-test-classes >&2
exec bench/run-main io.sparktune.bench.SchedulerBenchmark "$@"
