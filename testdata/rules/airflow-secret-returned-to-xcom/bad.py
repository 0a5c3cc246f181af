"""Secrets that Airflow tasks hand to XCom: TaskFlow returns, PythonOperator callables, custom operators, xcom_push."""
import json
import os
from typing import cast

import boto3
import requests
from airflow.decorators import dag, task
from airflow.hooks.base import BaseHook
from airflow.models import BaseOperator, Variable
from airflow.operators.python import PythonOperator


def _token():
    return os.environ["PARTNER_API_TOKEN"]


@dag(schedule=None)
def partner():
    @task
    def get_token():
        return Variable.get("partner_api_token")  # want: airflow-secret-returned-to-xcom `^secret from .Variable\.get\("partner_api_token"\). is returned by the @task .partner\.get_token., so Airflow stores it as an XCom in clear in the metadata database and shows it in the UI$`

    @task.virtualenv(requirements=["requests"])
    def get_creds():
        conn = BaseHook.get_connection("warehouse")
        return {"user": conn.login, "password": conn.password}  # want: airflow-secret-returned-to-xcom "conn.password"

    @task
    def secret_from_aws():
        sm = boto3.client("secretsmanager")
        value = sm.get_secret_value(SecretId="prod/partner")["SecretString"]
        return value  # want: airflow-secret-returned-to-xcom "get_secret_value"

    @task
    def through_a_helper():
        return _token()  # want: airflow-secret-returned-to-xcom "PARTNER_API_TOKEN"

    @task
    def login():
        # the catalog's case: a token from an auth endpoint, handed to downstream tasks
        return requests.post("https://auth.example.com/token", data={"grant_type": "client_credentials"}, timeout=10).json()["access_token"]  # want: airflow-secret-returned-to-xcom "secret from .requests.post"

    @task
    def get_jwt() -> str:
        resp = requests.post("https://api.example.com/auth", data=json.dumps({"identifier": "etl"}), timeout=10)
        token_load = json.loads(resp.text)
        return cast(str, token_load["jwt"])  # want: airflow-secret-returned-to-xcom "secret from .token_load."

    get_token()
    login()
    get_jwt()
    get_creds()
    secret_from_aws()
    through_a_helper()


partner()


def fetch_session(**context):
    uri = BaseHook.get_connection("partner").get_uri()
    context["ti"].xcom_push(key="partner_uri", value=uri)  # want: airflow-secret-returned-to-xcom "is pushed with .xcom_push."
    password = os.getenv("DB_PASSWORD")
    return password  # want: airflow-secret-returned-to-xcom "callable of a PythonOperator"


class PartnerLoginOperator(BaseOperator):
    def execute(self, context):
        secret = Variable.get("partner_client_secret")
        resp = requests.post("https://auth.example.com/token", data={"client_secret": secret}, timeout=10)
        context["ti"].xcom_push("client_secret", secret)  # want: airflow-secret-returned-to-xcom "xcom_push"
        return secret  # want: airflow-secret-returned-to-xcom `is returned by the operator's .execute\(\).`


class RefreshingLoginOperator(PartnerLoginOperator):
    def execute(self, context):
        return os.environ["PARTNER_REFRESH_TOKEN"]  # want: airflow-secret-returned-to-xcom


fetch = PythonOperator(task_id="fetch", python_callable=fetch_session)
