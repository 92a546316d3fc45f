#!/usr/bin/env bash
# Per-trial overhead of a command trial (a program that exits at once) against the same trial as a
# function trainable; figures go to docs/benchmarks.md. Args: [trials per runner case] [trials per sweep].
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/run-main io.sparktune.bench.CommandOverhead "$@"
