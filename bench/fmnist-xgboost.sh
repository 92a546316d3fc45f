#!/usr/bin/env bash
# XGBoost on Fashion-MNIST against Optuna 3.1 + Debian's python3-xgboost 1.7.4, side by side in one
# run (issue 17): conf/spaces/fashion-xgboost.json (24 random trials, 2 slots of 1 core, local[2]) on a
# fixed subset of the images, then the peer (bench/xgboost_peer.py: same space, budget and rounds,
# n_jobs=2, nthread=1, tree_method=hist), then the same sweep under asha on boosting rounds; then one
# trial of eta 0.3, max_depth 6 on each side for seconds per round at one thread. After SparkTune's
# sweep, bench/xgboost_profile.py says where its wall time went. Repeats --runs times
# and prints one line per measurement (wall seconds, CPU seconds (user + system, which a loaded machine
# inflates less than wall time), best val_accuracy, peak RSS of the process).
#   bench/fmnist-xgboost.sh [--runs 3] [--train 15000] [--validation 2000] [--rounds 20] [--data DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 train=15000 validation=2000 rounds=20 source=../shared/datasets/fashion-mnist
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2 ;; --train) train=$2 ;; --validation) validation=$2 ;; --rounds) rounds=$2 ;; --data) source=$2 ;;
    *) echo "unknown flag $1 (expected --runs, --train, --validation, --rounds, --data)" >&2; exit 2 ;;
  esac
  shift 2
done
[ -f target/tune.jar ] && [ -d target/spark-home/jars ] || mvn -q -B -DskipTests package >&2
work=target/bench/fmnist-xgboost
data="$work/data-$train-$validation"
[ -d "$data" ] || /usr/bin/python3 bench/fmnist_subset.py "$source" "$data" "$train" "$validation"
# The same space under asha: rungs at rounds 1, 3 and 9 (reduction factor 3).
/usr/bin/python3 - "$rounds" "$work/asha.json" <<'PY'
import json, sys
space = json.load(open("conf/spaces/fashion-xgboost.json"))
space["name"] += "-asha"
space["scheduler"] = {"type": "asha", "maxSteps": int(sys.argv[1]), "gracePeriod": 1, "reductionFactor": 3}
json.dump(space, open(sys.argv[2], "w"), indent=2)
PY
echo "data: $train training and $validation validation images, $rounds rounds; load: $(cut -d' ' -f1-3 /proc/loadavg)"

# Runs a command under /usr/bin/time; measured() then prints its wall and CPU seconds and peak RSS.
timed() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@"
}
measured() {
  read -r wall user system rss <"$work/time"
  echo "wall_seconds=$wall cpu_seconds=$(echo "$user + $system" | bc) peak_rss_mb=$((rss / 1024))"
}

# Prints NAME, the measures and the best val_accuracy of a finished sweep.
sweep() {
  local name=$1 out="$work/$1"; shift
  rm -rf "$out"
  timed submit/tune run --data-dir "$data" --out "$out" --master 'local[2]' --param "num_round=$rounds" "$@" >"$work/$name.log" 2>&1
  best=$(submit/tune best --out "$out" 2>/dev/null | grep -o 'val_accuracy=[0-9.]*' | head -1)
  echo "$name $(measured) best_$best"
}

for run in $(seq 1 "$runs"); do
  echo "run $run"
  sweep sparktune --space conf/spaces/fashion-xgboost.json
  /usr/bin/python3 bench/xgboost_profile.py "$work/sparktune" "$(cut -d' ' -f1 "$work/time")" 2
  timed /usr/bin/python3 bench/xgboost_peer.py "$data" --rounds "$rounds" >"$work/peer.log" 2>&1
  echo "peer $(measured) best_val_accuracy=$(grep -o 'accuracy=[0-9.]*' "$work/peer.log" | cut -d= -f2)"
  sweep sparktune-asha --space "$work/asha.json"
  # One trial, one thread, the same fixed parameters on each side: seconds per round from the reports.
  sweep sparktune-round --space conf/spaces/fashion-xgboost.json --max-trials 1 --parallelism 1 --param eta=0.3 \
    --param max_depth=6 --param min_child_weight=1 --param subsample=1 --param colsample_bytree=1 --param lambda=1 >/dev/null
  per_round=$(/usr/bin/python3 -c 'import json,sys; t=[json.loads(l)["time"] for l in open(sys.argv[1])]; print("%.4f" % ((t[-1]-t[0])/1000/(len(t)-1)))' \
    "$work/sparktune-round/trials/0/progress.jsonl")
  echo "sparktune seconds_per_round=$per_round"
  echo "peer $(/usr/bin/python3 bench/xgboost_peer.py "$data" --rounds "$rounds" --rounds-only)"
done
