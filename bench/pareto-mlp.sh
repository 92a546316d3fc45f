#!/usr/bin/env bash
# The real multi-objective example (issue 18): conf/spaces/fashion-mlp-pareto.json, val_accuracy (max)
# against the network's weights (min), with full training and with MO-ASHA on the same trials; epochs
# trained, wall time and the final front's hypervolume, then each front. Trains on a fixed subset of
# Fashion-MNIST (bench/fmnist_subset.py) so that it ends in reasonable time on a loaded 2-core machine.
#   bench/pareto-mlp.sh [--trials 24] [--epochs 9] [--seeds 3,4] [--schedules fifo,asha] [--train-rows 6000] [--validation-rows 2000] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
train_rows=6000
validation_rows=2000
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --train-rows) train_rows=$2; shift 2 ;;
    --validation-rows) validation_rows=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
subset=$(mktemp -d)
trap 'rm -rf "$subset"' EXIT
/usr/bin/python3 bench/fmnist_subset.py ../shared/datasets/fashion-mnist "$subset" "$train_rows" "$validation_rows"
mvn -o -q -B -DskipTests process-test-classes >&2
echo "data: a fixed subset of Fashion-MNIST, $train_rows training and $validation_rows validation images"
bench/run-main io.sparktune.bench.ParetoMlp --data "$subset" "${args[@]}"
