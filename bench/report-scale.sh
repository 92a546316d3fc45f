#!/usr/bin/env bash
# tune report / export / compare on synthetic sweeps of many trials (issue 7, for issue 9): local[2],
# Spark's start timed apart. Prints one line per step.
#   bench/report-scale.sh [TRIALS ...]   (default: 20000 100000)
exec "$(dirname "$0")/run-main" io.sparktune.bench.ReportScale "$@"
