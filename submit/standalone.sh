#!/usr/bin/env bash
# A sweep on a Spark standalone cluster: Spark 3.5 built for Scala 2.12, Java 17 on every node.
# Client mode: the driver runs in this process, so this script exits with tune's code
# (0 complete, 1 internal error or Spark gave up on a job, 2 bad input, 3 no trial succeeded, 4 locked,
# 75 time budget ended with work left).
#
#   submit/standalone.sh spark://master:7077 conf/spaces/quickstart.json hdfs:///sweeps/quickstart --time-budget 2h
#
# The space file is read by the driver: a local path, or hdfs://, s3a://, ... The sweep directory
# (--out) must be on storage every executor can reach: HDFS, S3, or a shared mount.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
usage="usage: standalone.sh MASTER SPACE OUT [tune flags...]"
master="${1:?$usage}"
space="${2:?$usage}"
out="${3:?$usage}"
shift 3
# Java 17: Spark's --add-opens list in the driver and in every executor. conf/spark-defaults.conf
# and the pom's spark.java.opens property hold the same list.
opens=$(sed -n 's/^spark\.driver\.extraJavaOptions[[:space:]]*//p' "$root/conf/spark-defaults.conf")

exec "${SPARK_HOME:?set SPARK_HOME to a Spark 3.5 (Scala 2.12) installation}/bin/spark-submit" \
  --master "$master" \
  --deploy-mode client \
  --class io.sparktune.cli.Main \
  --name "sparktune $(basename "$space" .json)" \
  --driver-java-options "$opens" \
  --conf "spark.executor.extraJavaOptions=$opens" \
  --conf spark.scheduler.mode=FAIR \
  --conf "spark.scheduler.allocation.file=$root/conf/fairscheduler.xml" \
  --conf spark.task.maxFailures=4 \
  --total-executor-cores "${TUNE_CORES:-16}" \
  --executor-memory "${TUNE_EXECUTOR_MEMORY:-4g}" \
  "$root/target/tune.jar" \
  --space "$space" --out "$out" "$@"
