"""The environment and whole configurations written to task logs."""
import json
import logging
import os
import pprint

from airflow.configuration import conf
from airflow.decorators import task
from airflow.hooks.base import BaseHook
from airflow.operators.bash import BashOperator
from airflow.operators.python import PythonOperator
from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator

log = logging.getLogger(__name__)


@task
def debug_env():
    print(os.environ)  # want: log-environment-or-config-dump@11 "`print` writes `os.environ` to the log: every environment variable"
    log.info("env: %s", dict(os.environ))  # want: log-environment-or-config-dump
    print(json.dumps(dict(os.environ), indent=2))  # want: log-environment-or-config-dump
    pprint.pprint(os.environ.copy())  # want: log-environment-or-config-dump
    log.debug("\n".join(f"{k}={v}" for k, v in os.environ.items()))  # want: log-environment-or-config-dump
    print(f"environment: {os.environ}")  # want: log-environment-or-config-dump


def show_connection():
    conn = BaseHook.get_connection("warehouse")
    log.info("extras %s", conn.extra_dejson)  # want: log-environment-or-config-dump "the whole configuration"
    print(conf.as_dict(display_sensitive=True))  # want: log-environment-or-config-dump
    log.info("db settings %s", conf.getsection("database"))  # want: log-environment-or-config-dump
    print(vars(conn))  # want: log-environment-or-config-dump "`print` writes `vars.conn.` to the log: the whole configuration"
    print(conn.__dict__)  # want: log-environment-or-config-dump


show = PythonOperator(task_id="show", python_callable=show_connection)

dump = BashOperator(task_id="dump", bash_command="env | sort")  # want: log-environment-or-config-dump@51 "`env` in the `bash_command` of `BashOperator` prints every environment variable"

trace = BashOperator(
    task_id="trace",
    bash_command="set -x\n"  # want: log-environment-or-config-dump@19 "`set -x` in the `bash_command` of `BashOperator` echoes every command"
    'curl -H "Authorization: Bearer $API_TOKEN" https://api.example.com/v1/export\n'
    "    printenv\n",  # want: log-environment-or-config-dump@10 "`printenv`"
)

token_check = BashOperator(task_id="token_check", bash_command="env | grep TOKEN")  # want: log-environment-or-config-dump@65 "`env` in the `bash_command` of `BashOperator` prints the environment variables matching `TOKEN`"
all_but_path = BashOperator(task_id="all_but_path", bash_command="printenv | grep -v PATH")  # want: log-environment-or-config-dump "prints every environment variable"


@task.bash
def show_env():
    return "echo start && export -p"  # want: log-environment-or-config-dump@27 "`export -p` in the `@task.bash` command"


pod = KubernetesPodOperator(
    task_id="pod",
    image="python:3.12",
    cmds=["sh", "-c"],
    arguments=["printenv && python /app/run.py"],  # want: log-environment-or-config-dump@17 "`printenv` in the `arguments` of `KubernetesPodOperator`"
)
