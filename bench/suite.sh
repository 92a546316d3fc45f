#!/usr/bin/env bash
# SparkTune's searchers on the problems of bench/suite.tsv (issue 16): one CSV row per run on stdout.
#   bench/suite.sh --half dev --searchers random,tpe,gp --parallelism 1,8 --seeds 10 > dev.csv
#   flags: see io.sparktune.bench.SuiteBenchmark; bench/suite_report.py turns the rows into tables.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests process-test-classes >&2
exec bench/run-main io.sparktune.bench.SuiteBenchmark "$@"
