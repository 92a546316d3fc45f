#!/usr/bin/env bash
# What one Spark ML fit (and its AUC) costs at each of asha's rungs, on tune-validator.sh's data and grids, and what
# asha's first rung and synchronous halving cost against the grid's full fits (issue 15). Prints markdown rows.
#   bench/spark-ml-fit-cost.sh [--rows 1000] [--estimators lr,gbt,rf] [--classes 0,6] [--data DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests process-test-classes >&2
exec bench/run-main io.sparktune.bench.SparkMlFitCost "$@"
