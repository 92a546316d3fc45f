#!/usr/bin/env bash
# What a user gets from a learning searcher through the CLI (issue 21): seeded `tune run` sweeps of
# branin (x0 in [-5, 10], x1 in [0, 15], 0 s trials, budget 50) at parallelism 1, one JVM each, and
# the final simple regret of each. --root measures another checkout's build (its target/classes and
# target/spark-home), e.g. an older commit, with the same sweeps.
#   bench/cli-regret.sh [--seeds 10] [--from 1000] [--searchers tpe,gp] [--root DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$here"; seeds=10; from=1000; searchers="tpe,gp"
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds=$2; shift 2 ;;
    --from) from=$2; shift 2 ;;
    --searchers) searchers=$2; shift 2 ;;
    --root) root="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "cli-regret.sh: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
if [ ! -d "$root/target/classes" ] || [ ! -d "$root/target/spark-home/jars" ]; then
  (cd "$root" && mvn -q -B -DskipTests package) >&2
fi
opens=$(sed -n 's:.*<spark.java.opens>\(.*\)</spark.java.opens>.*:\1:p' "$root/pom.xml")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| searcher | seed | final regret |"
for searcher in ${searchers//,/ }; do
  echo "{\"params\": {\"x0\": \"uniform[-5:10]\", \"x1\": \"uniform[0:15]\"}, \"trainable\": {\"type\": \"function\", \"function\": \"branin\"},
    \"searcher\": {\"type\": \"$searcher\"}, \"budget\": {\"maxTrials\": 50, \"parallelism\": 1}}" > "$work/$searcher.json"
  for seed in $(seq "$from" $((from + seeds - 1))); do
    out="$work/$searcher-$seed"
    # shellcheck disable=SC2086
    (cd "$root" && SPARK_LOCAL_IP=127.0.0.1 java -Xmx2g $opens -Dlog4j.configurationFile=conf/log4j2.properties \
      -cp "target/classes:target/spark-home/jars/*" io.sparktune.cli.Main run --space "$work/$searcher.json" --out "$out" \
      --seed "$seed" --master 'local[2]' > "$out.log" 2>&1) || { echo "sweep failed, see below" >&2; cat "$out.log" >&2; exit 1; }
    regret=$(cat "$out"/journal/*.jsonl | python3 -c '
import json, sys
print(min(json.loads(l)["metrics"]["loss"] for l in sys.stdin if json.loads(l)["kind"] == "result") - 0.397887357729739)')
    echo "| $searcher | $seed | $regret |"
  done
done | tee "$work/rows"
python3 - "$work/rows" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    parts = [p.strip() for p in line.strip().strip("|").split("|")]
    rows.setdefault(parts[0], []).append(float(parts[2]))
for searcher, regrets in rows.items():
    print(f"{searcher}: median final regret {statistics.median(regrets):.4g} over {len(regrets)} seeds")
PY
