#!/usr/bin/env bash
# Early stopping on the reference sweep (issue 5): conf/spaces/fashion-mlp.json trained up to 27
# epochs, the same trials under each scheduler; epochs trained, wall time, best val_accuracy.
# About 25 minutes for asha and fifo with 12 trials on 2 idle cores.
#   bench/fmnist-schedulers.sh [--trials 12] [--schedulers asha,fifo] [--data DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests process-test-classes >&2
exec bench/run-main io.sparktune.bench.FmnistSchedulers "$@"
