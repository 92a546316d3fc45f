#!/usr/bin/env bash
# A sweep on Kubernetes, in cluster mode: the driver runs in a pod of the image below, and this
# script exits with the driver container's exit code, which is tune's (0, 1, 2, 3, 4, 75).
# Untested: no Kubernetes can be started where SparkTune's tests run (YARN and standalone are tested
# on real clusters); only 'bash -n' checks this script.
#
#   TUNE_IMAGE=registry.example.com/sparktune:0.1 submit/k8s.sh https://k8s-api:6443 \
#       s3a://sweeps/specs/grid.json s3a://sweeps/grid --time-budget 3h30m
#
# The image needs Java 17 and Spark 3.5 built for Scala 2.12 (Spark's own images, e.g.
# apache/spark:3.5.5-scala2.12-java17-ubuntu, run /opt/entrypoint.sh as Spark expects), plus
# tune.jar and the FAIR pool file:
#
#   FROM apache/spark:3.5.5-scala2.12-java17-ubuntu
#   COPY target/tune.jar /opt/sparktune/tune.jar
#   COPY conf/fairscheduler.xml /opt/sparktune/conf/fairscheduler.xml
#
# tune.jar reaches the driver inside the image (local:// below). The space file is read by the
# driver through Hadoop's file systems: put it on S3/HDFS (s3a://..., hdfs://...; the image then
# needs hadoop-aws for S3), or COPY it into the image and pass its local path. The sweep directory
# (--out) must be shared storage: the driver and the executors are pods that come and go.
set -euo pipefail
usage="usage: k8s.sh API_SERVER SPACE OUT [tune flags...]"
api="${1:?$usage}"
space="${2:?$usage}"
out="${3:?$usage}"
shift 3
namespace="${TUNE_NAMESPACE:-sparktune}"
# One pod name per run, so that its exit code can be read back below.
pod="sparktune-$(basename "$space" .json | tr -c 'a-z0-9\n' '-')-$(date +%Y%m%d%H%M%S)-driver"
# Java 17: Spark's --add-opens list in the driver and every executor (also in the pom's
# spark.java.opens property).
root="$(cd "$(dirname "$0")/.." && pwd)"
opens=$(sed -n 's/^spark\.driver\.extraJavaOptions[[:space:]]*//p' "$root/conf/spark-defaults.conf")

set +e
"${SPARK_HOME:?set SPARK_HOME to a Spark 3.5 (Scala 2.12) installation}/bin/spark-submit" \
  --master "k8s://$api" \
  --deploy-mode cluster \
  --class io.sparktune.cli.Main \
  --name "sparktune-$(basename "$space" .json)" \
  --conf spark.kubernetes.namespace="$namespace" \
  --conf spark.kubernetes.container.image="${TUNE_IMAGE:?set TUNE_IMAGE to an image with Java 17, Spark 3.5 (Scala 2.12) and tune.jar}" \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName="${TUNE_SERVICE_ACCOUNT:-spark}" \
  --conf spark.kubernetes.driver.pod.name="$pod" \
  --conf spark.kubernetes.submission.waitAppCompletion=true \
  --conf "spark.driver.extraJavaOptions=$opens" \
  --conf "spark.executor.extraJavaOptions=$opens" \
  --conf spark.scheduler.mode=FAIR \
  --conf spark.scheduler.allocation.file=/opt/sparktune/conf/fairscheduler.xml \
  --conf spark.task.maxFailures=4 \
  --conf spark.executor.instances="${TUNE_EXECUTORS:-8}" \
  --conf spark.executor.cores="${TUNE_EXECUTOR_CORES:-2}" \
  --conf spark.executor.memory="${TUNE_EXECUTOR_MEMORY:-4g}" \
  local:///opt/sparktune/tune.jar \
  --space "$space" --out "$out" "$@"
submitted=$?
set -e
# spark-submit says only whether it could follow the pod; the driver container's exit code is tune's.
code=$(kubectl --namespace "$namespace" get pod "$pod" \
  -o jsonpath='{.status.containerStatuses[0].state.terminated.exitCode}' 2>/dev/null || true)
echo "driver pod $pod exited ${code:-?} (spark-submit: $submitted); delete it with: kubectl -n $namespace delete pod $pod" >&2
exit "${code:-$submitted}"
