#!/usr/bin/env bash
# Scale on local[2] (issue 9): a 100,000-point grid of 0 s trials, driver heap at 1k/10k/100k,
# sweep directory size and file count, resume time, table read time, tune report and compare times.
#   bench/scale.sh [--trials 100000] [--per-task N (default: the engine packs)]
exec "$(dirname "$0")/run-main" io.sparktune.bench.ScaleBenchmark "$@"
