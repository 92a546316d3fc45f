#!/usr/bin/env bash
# The reference sweep: conf/spaces/fashion-mlp.json (24 trials, 3 epochs, 2 at a time) on local[2];
# prints the wall time and the best val_accuracy (docs/benchmarks.md).
#   bench/fmnist-sweep.sh [DATASET_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(cd "${1:-../shared/datasets/fashion-mnist}" && pwd)"
out=target/bench/fmnist-sweep
rm -rf "$out"
start=$(date +%s.%N)
submit/tune run --space conf/spaces/fashion-mlp.json --data-dir "$data" --out "$out" --master 'local[2]' 2>/dev/null | tail -3
end=$(date +%s.%N)
echo "wall_seconds=$(echo "$end - $start" | bc)"
