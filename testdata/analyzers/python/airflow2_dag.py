# Airflow 2 DAG: aliased imports, connections, variables, TLS off, logging of secrets.
import logging
import os
from datetime import datetime

import requests as rq
from airflow import DAG
from airflow.hooks.base_hook import BaseHook
from airflow.models import Connection as C, Variable
from airflow.operators.python import PythonOperator

log = logging.getLogger(__name__)

API_URL = "https://api.example.com/v1"
DB_PASSWORD = "hunter2-prod"  # hardcoded on purpose
TIMEOUT = 30
VERIFY = False
EMPTY = ""


def fetch_report(**context):
    conn = BaseHook.get_connection("reporting_api")
    token = conn.password
    session = rq.Session()
    session.verify = False
    resp = session.get(API_URL, headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)
    log.info("fetched %s with token %s", API_URL, token)
    log.info("token length %d", len(token))
    token_count = 3
    log.info("tokens: %d", token_count)
    return resp.json()


def build_conn():
    c = C(conn_id="warehouse", conn_type="postgres", host="db.internal", login="etl",
          password=DB_PASSWORD, port=5432)
    api_key = Variable.get("partner_api_key")
    home = os.environ["HOME"]
    pw = os.getenv("WAREHOUSE_PASSWORD", "changeme")
    greeting = "hello " "world"
    templated = "{{ var.value.partner_api_key }}"
    return c


with DAG(dag_id="reporting", start_date=datetime(2024, 1, 1), schedule="@daily") as dag:
    fetch = PythonOperator(task_id="fetch", python_callable=fetch_report)
    rq.get(API_URL, verify=VERIFY)
