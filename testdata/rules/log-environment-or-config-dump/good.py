"""Logging single variables, names only and masked settings."""
import logging
import os

from airflow.configuration import conf
from airflow.decorators import task
from airflow.hooks.base import BaseHook
from airflow.operators.bash import BashOperator
from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator

log = logging.getLogger(__name__)


@task
def show_env():
    print(os.environ["ENVIRONMENT"])
    print(os.environ.get("AIRFLOW_CTX_DAG_ID"))
    log.info("variables set: %s", sorted(os.environ))
    log.info("variables set: %s", list(os.environ.keys()))
    log.info("names: %s", ", ".join(k for k in os.environ))
    log.info("count: %d", len(os.environ))
    log.info("has token: %s", "API_TOKEN" in os.environ)
    print(conf.as_dict())  # sensitive values are shown as "< hidden >"
    print(conf.getsection("scheduler"))
    conn = BaseHook.get_connection("warehouse")
    print(conn)  # the repr names the connection only
    print(conn.host, conn.schema)
    print(vars(log))
    env = dict(os.environ, EXTRA="1")
    return env


with open("/tmp/env.txt", "w") as fh:
    fh.write(str(os.environ))

store = BashOperator(task_id="store", bash_command="env > /tmp/env.txt && printenv HOME")
one = BashOperator(task_id="one", bash_command="env | grep -c AIRFLOW > /tmp/count && echo $HOME")
trace = BashOperator(task_id="trace", bash_command="set -x; echo $HOME; ls -la")
run = BashOperator(task_id="run", bash_command="env AWS_PROFILE=etl aws s3 ls")
safe_set = BashOperator(task_id="safe_set", bash_command="set -euo pipefail; echo done")
home = BashOperator(task_id="home", bash_command="env | grep HOME")
count = BashOperator(task_id="count", bash_command="env | wc -l && printenv | grep -c TOKEN")
names = BashOperator(task_id="names", bash_command="env | cut -d= -f1 | sort")
pod = KubernetesPodOperator(task_id="pod", image="python:3.12", cmds=["env"], arguments=["PYTHONUNBUFFERED=1", "python", "/app/run.py"])
