#!/usr/bin/env bash
# Peak memory per concurrent xgboost trial, apart from the JVM's own footprint (issue 17). The JVM's
# heap is committed and touched at start (-Xms = -Xmx, AlwaysPreTouch), so what the process's peak
# resident set gains from one more trial at a time is that trial's native memory (XGBoost's booster,
# histograms, gradients and prediction caches) and its thread. Three sweeps of 2 trials each on the
# bench's Fashion-MNIST subset (eta 0.3, max_depth 6, --rounds rounds, local[2]):
#   one-at-a-time   parallelism 1
#   two-at-once     parallelism 2, one max_bin: the two trials share one matrix pair
#   two-own-pairs   parallelism 2, max_bin 256 and 255: each trial builds a pair of its own
# Prints each sweep's peak RSS and the differences.
#   bench/xgboost-memory.sh [--train 15000] [--validation 2000] [--rounds 10] [--data DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
train=15000 validation=2000 rounds=10 source=../shared/datasets/fashion-mnist
while [ $# -gt 0 ]; do
  case "$1" in
    --train) train=$2 ;; --validation) validation=$2 ;; --rounds) rounds=$2 ;; --data) source=$2 ;;
    *) echo "unknown flag $1 (expected --train, --validation, --rounds, --data)" >&2; exit 2 ;;
  esac
  shift 2
done
[ -f target/tune.jar ] && [ -d target/spark-home/jars ] || mvn -q -B -DskipTests package >&2
work=target/bench/xgboost-memory
data="target/bench/fmnist-xgboost/data-$train-$validation"
mkdir -p "$work"
[ -d "$data" ] || /usr/bin/python3 bench/fmnist_subset.py "$source" "$data" "$train" "$validation"
export TUNE_JAVA_OPTS="-Xms2g -Xmx2g -XX:+AlwaysPreTouch"
echo "data: $train training and $validation validation images, $rounds rounds; load: $(cut -d' ' -f1-3 /proc/loadavg)"

# Prints the peak RSS in MB of one sweep of two trials.
peak() {
  local name=$1 parallelism=$2 searcher=$3 bins=$4
  rm -rf "${work:?}/$name"
  /usr/bin/time -f "%M" -o "$work/time" submit/tune run --space conf/spaces/fashion-xgboost.json --data-dir "$data" \
    --out "$work/$name" --master 'local[2]' --max-trials 2 --parallelism "$parallelism" --searcher "$searcher" \
    --param "num_round=$rounds" --param eta=0.3 --param max_depth=6 --param min_child_weight=1 --param subsample=1 \
    --param colsample_bytree=1 --param lambda=1 --param "max_bin=$bins" >"$work/$name.log" 2>&1
  echo $(($(cat "$work/time") / 1024))
}

# Random search over fixed values: two trials of one config; grid: one trial per max_bin.
one=$(peak one-at-a-time 1 random 256)
shared=$(peak two-at-once 2 random 256)
own=$(peak two-own-pairs 2 grid '[256, 255]')
echo "one-at-a-time peak_rss_mb=$one"
echo "two-at-once peak_rss_mb=$shared (a second concurrent trial on the shared pair: +$((shared - one)) MB)"
echo "two-own-pairs peak_rss_mb=$own (a second concurrent trial with a pair of its own: +$((own - one)) MB)"
