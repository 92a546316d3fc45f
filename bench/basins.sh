#!/usr/bin/env bash
# Convergence inside a found basin and at the box's edge (issue 16): the median best regret so far,
# every tenth trial, on a quadratic with its minimum on two faces and on 27 equal basins inside the box.
#   bench/basins.sh [--searchers gp,tpe,cmaes] [--seeds 5] [--from 1000] [--budget 80]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests process-test-classes >&2
exec bench/run-main io.sparktune.bench.BasinBenchmark "$@"
