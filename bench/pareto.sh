#!/usr/bin/env bash
# Final hypervolume of random, sobol, nsga2, tpe and gp on ZDT1, ZDT2, DTLZ2 (3 objectives), Branin-Currin and
# C2-DTLZ2, at parallelism 1 and 4, over seeds 1000..; bench/pareto_peer.py runs Optuna on the same.
#   bench/pareto.sh                      20 seeds, every problem
#   bench/pareto.sh --seeds 5 --problems zdt1 --searchers nsga2:population=40
#   bench/pareto.sh --time-suggestions 150 --searchers gp --problems zdt1   milliseconds per suggest(q) instead
#   --trace 25 also prints, every 25 trials of each run, its seconds so far (wall and CPU) and hypervolume (as pareto_peer.py --trace)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests process-test-classes >&2
exec bench/run-main io.sparktune.bench.ParetoBenchmark "$@"
