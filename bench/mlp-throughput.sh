#!/usr/bin/env bash
# DJL vs PyTorch training throughput on the same MLP and data, in one run (docs/benchmarks.md).
#   bench/mlp-throughput.sh [DATASET_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(cd "${1:-../shared/datasets/fashion-mnist}" && pwd)"
rm -rf target/bench/mlp-throughput
bench/run-main io.sparktune.bench.MlpThroughput "$data" target/bench/mlp-throughput 2>/dev/null
# Debian's python3-torch (apt-get install -y python3-torch); the system Python, which has it.
OMP_NUM_THREADS=1 /usr/bin/python3 bench/mlp_throughput.py "$data"
