#!/usr/bin/env bash
# SparkTune's searchers on the scikit-learn tasks of bench/tasks.json (issue 16), one long-lived Python
# worker (bench/sklearn_tasks.py, Debian's python3-sklearn) for the whole run; one CSV row per sweep on stdout.
#   bench/tasks.sh --seeds 5 --parallelism 1,8 > tasks.csv; flags: see io.sparktune.bench.TaskBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests process-test-classes >&2
exec bench/run-main io.sparktune.bench.TaskBenchmark "$@"
