#!/usr/bin/env bash
# Simple regret of every searcher on branin, hartmann6, levy6 and rosenbrock4, and suggestion times.
#   bench/searchers.sh                  the full run (20 seeds, about 20 minutes on 2 cores)
#   bench/searchers.sh --seeds 5        a quick one; other flags: see SearcherBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests process-test-classes >&2
exec bench/run-main io.sparktune.bench.SearcherBenchmark "$@"
