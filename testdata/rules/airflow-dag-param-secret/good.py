"""DAG params that pass references, not secrets: the look-alikes of bad.py."""
import os

import pendulum
import requests
from airflow import DAG
from airflow.decorators import dag, task
from airflow.hooks.base import BaseHook
from airflow.models import Variable
from airflow.models.param import Param
from airflow.operators.trigger_dagrun import TriggerDagRunOperator

with DAG(
    "partner_sync",
    start_date=pendulum.datetime(2024, 1, 1),
    schedule=None,
    params={
        "api_key": Param(None, type=["null", "string"]),  # no default: typed in at trigger time
        "db_password": Param(type="string", description="typed in at trigger time"),
        "token": Param("", type="string"),
        "password_conn_id": "partner_sftp",  # a reference the task resolves
        "password_conn": "partner_sftp_conn",
        "api_key_secret_name": "prod/partner/api-key",
        "api_key_var": "partner_api_key",
        "secret_arn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:partner",
        "client_secret": "{{ var.value.partner_client_secret }}",  # the form shows the template, not the value
        "password": "changeme",
        "hidden_secret_field": Param("constant value", const="constant value"),
        "landing_bucket": Variable.get("landing_bucket"),  # configuration, not a credential
        "home": os.environ["HOME"],
        "env_name": os.environ.get("DEPLOY_ENV", "dev"),
        "batch_size": 500,
    },
) as partner_sync:
    TriggerDagRunOperator(
        task_id="trigger_load",
        trigger_dag_id="partner_load",
        conf={"conn_id": "partner_sftp", "password_secret_name": "prod/partner/db", "table": "orders"},
    )

    @task
    def fetch(**context):
        # resolved at run time inside the task: never part of the serialized DAG or the run's conf
        conn = BaseHook.get_connection(context["params"]["password_conn_id"])
        table = context["dag_run"].conf.get("table")
        name = context["dag_run"].conf.get("api_key_secret_name")
        return requests.get(conn.host, params={"api_key": conn.password, "table": table, "ref": name}, timeout=10).status_code

    fetch()


def build(api_key):
    # a name alone says nothing of the value the form shows
    with DAG("built", schedule=None, params={"api_key": api_key}) as d:
        pass
    return d


@dag(schedule=None, params={"token_ttl": 3600, "token": Param(None)})
def notify():
    @task
    def send(settings):
        # a settings object, not a DAG run's conf
        return settings.conf.get("password")

    send({})


notify()
