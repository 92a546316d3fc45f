"""A SparkTune sweep as an Airflow DAG: every night, a run of at most 3h30m, until it is complete.

Re-running the same spark-submit command resumes the sweep, so each DAG run simply submits it again.
tune's exit code says what happened, and SweepSubmitOperator turns it into a task state:

    0   complete                                   success: downstream tasks run
    75  time budget ended with trials left         skipped: tomorrow's run carries on, and
                                                   downstream tasks wait for a complete sweep
    4   another live run holds the sweep           failure, retried later (retries below)
    1   internal error, store unreachable, Spark gave up   failure, retried later
    2   bad input, 3 no trial succeeded            failure at once: running again cannot help

The exit code is the driver's only in client deploy mode: give the Spark connection (spark_default)
the extra {"deploy-mode": "client"}, with host yarn or spark://master:7077. Requires Airflow 2.4 or
later, apache-airflow-providers-apache-spark, and Spark 3.5 (Scala 2.12) with Java 17 on the worker.
"""
import re
from datetime import datetime, timedelta

from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException, AirflowSkipException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

SPARKTUNE_HOME = "/opt/sparktune"

# Java 17: Spark's --add-opens list, in the driver and in every executor. The same list is the
# pom's spark.java.opens property and sits in conf/spark-defaults.conf.
JAVA17_OPENS = " ".join([
    "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
    "-Djdk.reflect.useDirectMethodHandle=false",
])

TIME_BUDGET_ENDED = 75
NO_RETRY = {2: "bad input: fix what the log's last line names", 3: "no trial succeeded: see 'tune compare --status failed'"}


def exit_code(error):
    """tune's exit code: SparkSubmitHook puts spark-submit's return code only in its message."""
    found = re.search(r"Error code is: (\d+)", str(error))
    return int(found.group(1)) if found else None


class SweepSubmitOperator(SparkSubmitOperator):
    """SparkSubmitOperator that reads tune's exit code (table in the module docstring)."""

    def execute(self, context):
        try:
            return super().execute(context)
        except AirflowException as error:
            code = exit_code(error)
            if code == TIME_BUDGET_ENDED:
                raise AirflowSkipException("time budget reached with trials left; the next run carries on") from error
            if code in NO_RETRY:
                raise AirflowFailException("exit %d, %s" % (code, NO_RETRY[code])) from error
            raise


with DAG(
    dag_id="sparktune_nightly",
    start_date=datetime(2024, 1, 1),
    schedule="0 1 * * *",
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=20)},
    tags=["sparktune"],
) as dag:
    sweep = SweepSubmitOperator(
        task_id="sweep",
        conn_id="spark_default",
        application=SPARKTUNE_HOME + "/tune.jar",
        java_class="io.sparktune.cli.Main",
        name="sparktune-nightly",
        application_args=[
            "--space", "hdfs:///sweeps/specs/nightly.json",
            "--out", "hdfs:///sweeps/nightly",
            "--time-budget", "3h30m",
        ],
        conf={
            "spark.driver.extraJavaOptions": JAVA17_OPENS,
            "spark.executor.extraJavaOptions": JAVA17_OPENS,
            "spark.yarn.am.extraJavaOptions": JAVA17_OPENS,
            "spark.scheduler.mode": "FAIR",
            # file: because with HADOOP_CONF_DIR set Spark reads a path without a scheme from HDFS.
            "spark.scheduler.allocation.file": "file://" + SPARKTUNE_HOME + "/conf/fairscheduler.xml",
            "spark.task.maxFailures": "4",
            # YARN (as submit/yarn.sh): the next DAG run resumes, never a second YARN attempt; a fixed
            # set of executors, which trials of more than one cpu or with GPUs need.
            "spark.yarn.maxAppAttempts": "1",
            "spark.dynamicAllocation.enabled": "false",
        },
        num_executors=8,
        executor_cores=2,
        executor_memory="4g",
        # A run that outlives its window is stuck: tune stops itself at the time budget.
        execution_timeout=timedelta(hours=4),
    )
