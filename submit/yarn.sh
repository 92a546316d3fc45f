#!/usr/bin/env bash
# A sweep on YARN. Spark 3.5 built for Scala 2.12 on the gateway; Java 17 in the driver and the
# executors (set TUNE_JAVA_HOME when the NodeManagers' default Java is older).
#
#   submit/yarn.sh hdfs:///sweeps/specs/grid.json hdfs:///sweeps/grid --time-budget 3h30m
#   TUNE_DEPLOY_MODE=cluster submit/yarn.sh conf/spaces/quickstart.json hdfs:///sweeps/quickstart
#
# Settings (environment): TUNE_DEPLOY_MODE (client), TUNE_QUEUE (default), TUNE_EXECUTORS (8),
# TUNE_EXECUTOR_CORES (2, at least a trial's resources.cpus), TUNE_EXECUTOR_MEMORY (4g),
# TUNE_JAVA_HOME, TUNE_EXECUTOR_GPUS with TUNE_GPU_DISCOVERY_SCRIPT, TUNE_DYNAMIC_ALLOCATION
# (false; true asks YARN for executors as trials need them, TUNE_EXECUTORS at most). YarnSweepIT runs this script
# as it is on a MiniYARNCluster with HDFS (docs/operations.md, "On YARN").
#
# Client mode (the default here) runs the driver on this machine: the script exits with tune's code
# (0, 1, 2, 3, 4, 75), which is what cron and Airflow need. In cluster mode the driver runs in the
# application master and spark-submit only says whether the application succeeded; read the outcome
# with 'tune status --out OUT'. A local space file is shipped with --files in cluster mode. YARN
# makes one attempt: running the same command again is the scheduler's call, as a resume, never
# YARN's (a second attempt would run past a time budget's window or repeat an exit 4). By default
# the application keeps TUNE_EXECUTORS executors; with TUNE_DYNAMIC_ALLOCATION=true it asks YARN for
# executors while trials wait and gives idle ones back, and trials of more than one cpu or with GPUs
# get executors of their own size (stage-level scheduling). See docs/operations.md, "On YARN".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
usage="usage: yarn.sh SPACE OUT [tune flags...]"
space="${1:?$usage}"
out="${2:?$usage}"
shift 2
mode="${TUNE_DEPLOY_MODE:-client}"
# Java 17: Spark's --add-opens list (also in conf/spark-defaults.conf and the pom's spark.java.opens).
opens=$(sed -n 's/^spark\.driver\.extraJavaOptions[[:space:]]*//p' "$root/conf/spark-defaults.conf")

extra=()
if [ "$mode" = cluster ]; then
  # The driver's working directory is a YARN container: files reach it by --files (one list; a
  # second --files flag would replace the first), under their own name. That directory is on the
  # driver's class path, where Spark finds fairscheduler.xml by itself; tune reads a space path
  # without a scheme from the local disk.
  files="$root/conf/fairscheduler.xml"
  if [[ "$space" != *://* ]]; then
    files="$files,$space"
    space="$(basename "$space")"
  fi
  extra+=(--files "$files")
else
  # file: because Spark reads this path on fs.defaultFS, which HADOOP_CONF_DIR makes HDFS. The
  # application master only launches executors here, but it is a JVM that runs Spark.
  extra+=(--conf "spark.scheduler.allocation.file=file://$root/conf/fairscheduler.xml"
          --conf "spark.yarn.am.extraJavaOptions=$opens")
fi
if [ -n "${TUNE_EXECUTOR_GPUS:-}" ]; then
  # Spark asks YARN for yarn.io/gpu per executor, and the script tells each executor its addresses
  # (Spark ships examples/src/main/scripts/getGpusResources.sh); trials with resources.gpus get theirs.
  extra+=(--conf "spark.executor.resource.gpu.amount=$TUNE_EXECUTOR_GPUS"
          --conf "spark.executor.resource.gpu.discoveryScript=${TUNE_GPU_DISCOVERY_SCRIPT:?set TUNE_GPU_DISCOVERY_SCRIPT with TUNE_EXECUTOR_GPUS}")
fi
if [ "${TUNE_DYNAMIC_ALLOCATION:-false}" = true ]; then
  # Shuffle tracking instead of YARN's external shuffle service: trials write no shuffle data.
  extra+=(--conf spark.dynamicAllocation.enabled=true
          --conf spark.dynamicAllocation.shuffleTracking.enabled=true
          --conf spark.dynamicAllocation.minExecutors=0
          --conf "spark.dynamicAllocation.maxExecutors=${TUNE_EXECUTORS:-8}")
else
  extra+=(--conf spark.dynamicAllocation.enabled=false --num-executors "${TUNE_EXECUTORS:-8}")
fi
if [ -n "${TUNE_JAVA_HOME:-}" ]; then
  extra+=(--conf "spark.yarn.appMasterEnv.JAVA_HOME=$TUNE_JAVA_HOME" --conf "spark.executorEnv.JAVA_HOME=$TUNE_JAVA_HOME")
fi

exec "${SPARK_HOME:?set SPARK_HOME to a Spark 3.5 (Scala 2.12) installation}/bin/spark-submit" \
  --master yarn \
  --deploy-mode "$mode" \
  --queue "${TUNE_QUEUE:-default}" \
  --class io.sparktune.cli.Main \
  --name "sparktune $(basename "$space" .json)" \
  --conf "spark.driver.extraJavaOptions=$opens" \
  --conf "spark.executor.extraJavaOptions=$opens" \
  --conf spark.scheduler.mode=FAIR \
  --conf spark.task.maxFailures=4 \
  --conf spark.yarn.maxAppAttempts=1 \
  --executor-cores "${TUNE_EXECUTOR_CORES:-2}" \
  --executor-memory "${TUNE_EXECUTOR_MEMORY:-4g}" \
  "${extra[@]}" \
  "$root/target/tune.jar" \
  --space "$space" --out "$out" "$@"
