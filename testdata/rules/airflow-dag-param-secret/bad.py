"""Secrets given as DAG params, Param defaults, trigger conf and dag_run.conf reads."""
import os

import pendulum
from airflow import DAG
from airflow.decorators import dag, task
from airflow.hooks.base import BaseHook
from airflow.models import Variable
from airflow.models.param import Param
from airflow.operators.trigger_dagrun import TriggerDagRunOperator

PARTNER_TOKEN = "fixture-partner-token-7h6g5f4d"

with DAG(
    "partner_sync",
    start_date=pendulum.datetime(2024, 1, 1),
    schedule=None,
    params={
        "api_key": Param("fixture-api-key-9d8f7g6h", type="string"),  # want: airflow-dag-param-secret `^DAG param .api_key. has a literal secret as its value, so the Trigger DAG form and every run's conf show it to everyone who can read the DAG$`
        "db_password": "fixture-db-pass-1q2w3e4r",  # want: airflow-dag-param-secret "DAG param `db_password` has a literal secret"
        "token": Param(default=PARTNER_TOKEN),  # want: airflow-dag-param-secret "DAG param `token` has a literal secret"
        "warehouse_password": Param(Variable.get("warehouse_password"), type="string"),  # want: airflow-dag-param-secret `^secret from .Variable\.get\("warehouse_password"\). is read when the DAG file is parsed and is the default of DAG param .warehouse_password., so the Trigger DAG form`
        "sftp": BaseHook.get_connection("partner_sftp").password,  # want: airflow-dag-param-secret "get_connection"
        "client_secret": os.environ["PARTNER_CLIENT_SECRET"],  # want: airflow-dag-param-secret "PARTNER_CLIENT_SECRET"
        "batch_size": 500,
    },
) as partner_sync:
    trigger = TriggerDagRunOperator(
        task_id="trigger_load",
        trigger_dag_id="partner_load",
        conf={"password": "fixture-load-pass-5t6y7u8i", "table": "orders"},  # want: airflow-dag-param-secret `^TriggerDagRunOperator conf key .password. has a literal secret as its value, so the secret is stored in clear as the run's conf and shown in the UI of the triggered DAG$`
    )
    trigger_env = TriggerDagRunOperator(
        task_id="trigger_env",
        trigger_dag_id="partner_load",
        conf={"auth": os.environ.get("PARTNER_API_TOKEN")},  # want: airflow-dag-param-secret "is the value of TriggerDagRunOperator conf key `auth`"
    )


SHARED_PARAMS = dict(slack_webhook_token=Param("fixture-slack-token-83kd0s9a"))  # want: airflow-dag-param-secret "DAG param `slack_webhook_token`"


@dag(schedule=None, start_date=pendulum.datetime(2024, 1, 1), params=SHARED_PARAMS)
def notify():
    @task
    def send(**context):
        token = context["dag_run"].conf.get("api_token")  # want: airflow-dag-param-secret `^the task reads .api_token. from dag_run.conf: whoever triggers the DAG submits the secret, so the secret is stored in clear as the run's conf and shown in the UI$`
        return len(token)

    @task
    def legacy(dag_run=None):
        pw = dag_run.conf.get("db_password", "fixture-default-pw-0o9i8u")  # want: airflow-dag-param-secret "`db_password` from dag_run.conf"
        return pw is not None

    @task
    def subscripted(**context):
        # a subscript is not a call: the model lists calls, so dag_run.conf["..."] is not read yet
        secret = context["dag_run"].conf["client_secret"]  # known-fn: airflow-dag-param-secret
        return secret is not None

    send()
    legacy()
    subscripted()


notify()
