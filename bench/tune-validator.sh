#!/usr/bin/env bash
# MLlib's CrossValidator and TrainValidationSplit (grids of 36 points) against TuneValidator with 36
# trials (tpe; fifo and asha on --fidelity: auto, rows or an int param), same estimator (lr, rf or gbt), the same 3
# folds (a fold column per seed), local[2], parallelism 2, on a binary Fashion-MNIST task the benchmark
# writes as Parquet (issue 15). Prints markdown rows.
#   bench/tune-validator.sh [--rows 2000] [--seeds 3] [--first-seed 1] [--estimators lr,rf,gbt] [--classes 0,6] [--fidelity auto] [--gbt-rounds 10] [--data DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests process-test-classes >&2
exec bench/run-main io.sparktune.bench.TuneValidatorBenchmark "$@"
