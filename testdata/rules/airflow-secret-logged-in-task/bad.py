"""Secrets reaching the task log of an Airflow 2 DAG: prints, loggers, self.log and exceptions."""
import logging
import os

import requests
from airflow import DAG
from airflow.exceptions import AirflowException
from airflow.hooks.base import BaseHook
from airflow.models import BaseOperator, Variable
from airflow.operators.python import PythonOperator

log = logging.getLogger(__name__)


def load_orders(**context):
    # a Variable whose name Airflow does not treat as sensitive: never masked
    pw = Variable.get("snowflake_pw")
    print(f"connecting with {pw}")  # want: airflow-secret-logged-in-task `secret from .Variable\.get\("snowflake_pw"\). is printed into the Airflow task log$`
    # a token from the environment, and a URL built around it: never masked
    token = os.environ["PARTNER_API_TOKEN"]
    log.info("token=%s", token)  # want: airflow-secret-logged-in-task "is written to the Airflow task log$"
    url = f"https://etl:{token}@partner.example.com/v1/orders"
    logging.warning("calling %s", url)  # want: airflow-secret-logged-in-task "os.environ"
    resp = requests.get("https://partner.example.com/v1/orders", timeout=10)
    if resp.status_code != 200:
        raise AirflowException(f"partner API refused token {token}")  # want: airflow-secret-logged-in-task "exception message"


def connect(**context):
    conn = BaseHook.get_connection("warehouse")
    # connection secrets: masked while masking is on, so medium
    print("password:", conn.password)  # want: airflow-secret-logged-in-task "only while secret masking is on"
    log.debug("uri %s", conn.get_uri())  # want: airflow-secret-logged-in-task "connection secrets"
    # a Variable with a sensitive name: masked while masking is on
    key = Variable.get("partner_api_key")
    log.info(f"key {key}")  # want: airflow-secret-logged-in-task "masks this Variable"


class PartnerOperator(BaseOperator):
    def __init__(self, api_token: str, **kwargs):
        super().__init__(**kwargs)
        self.api_token = api_token

    def execute(self, context):
        self.log.info("using token %s", self.api_token)  # want: airflow-secret-logged-in-task "self.api_token"
        secret = os.getenv("PARTNER_CLIENT_SECRET")
        self.log.info("client secret: " + secret)  # want: airflow-secret-logged-in-task


def _warehouse_dsn():
    # a helper building a DSN around a connection password: the taint crosses the call
    conn = BaseHook.get_connection("warehouse")
    return f"postgresql://{conn.login}:{conn.password}@{conn.host}/dw"


def _partner_token():
    return os.environ.get("PARTNER_API_TOKEN")


def multi_step(**context):
    # several assignments between the read and the log line
    raw = Variable.get("etl_service_pw")
    creds = {"user": "etl", "password": raw}
    header = "Basic " + creds["password"]
    log.info("auth header %s", header)  # want: airflow-secret-logged-in-task "etl_service_pw"
    extra = BaseHook.get_connection("s3").extra_dejson
    log.info("extra: %s", extra)  # want: airflow-secret-logged-in-task "extra_dejson"


def cross_function(**context):
    dsn = _warehouse_dsn()
    log.info("dsn %s", dsn)  # want: airflow-secret-logged-in-task "conn.password. is written to the Airflow task log; Airflow masks connection secrets"
    print("token", _partner_token())  # want: airflow-secret-logged-in-task "PARTNER_API_TOKEN"


with DAG("orders", schedule=None) as dag:
    PythonOperator(task_id="load", python_callable=load_orders)
    PythonOperator(task_id="connect", python_callable=connect)
