"""Tasks that pass references, not secrets, through XCom."""
import os

from airflow.decorators import dag, task
from airflow.hooks.base import BaseHook
from airflow.models import BaseOperator, Variable
from airflow.operators.python import PythonOperator
from google.cloud.secretmanager import SecretManagerServiceClient

ACCOUNT_SECRET_ID = "projects/etl/secrets/cm360_account_id"


def _load_token():
    # a helper that is not a task: its return value stays in the process
    return os.environ["PARTNER_API_TOKEN"]


@dag(schedule=None)
def partner():
    @task
    def pick_connection():
        return "partner_default"

    @task
    def describe():
        conn = BaseHook.get_connection("warehouse")
        return {"host": conn.host, "login": conn.login, "conn_id": conn.conn_id}

    @task
    def token_length():
        token = _load_token()
        return len(token)

    @task
    def configuration():
        return Variable.get("landing_bucket")

    @task
    def secret_reference():
        return {"secret_name": "prod/partner", "token_ttl": 3600}

    @task
    def use_token():
        token = _load_token()
        headers = {"Authorization": f"Bearer {token}"}
        return headers is not None

    @task.bash
    def command():
        return "echo $PARTNER_API_TOKEN | wc -c"

    @task
    def account_id():
        # Secret Manager holds test account ids too; the secret's name says it is an identifier
        client = SecretManagerServiceClient()
        return client.access_secret_version(name=ACCOUNT_SECRET_ID).payload.data.decode()

    @task
    def click_id():
        # an ad-platform click id (dclid) kept in Secret Manager: the name does not say identifier
        client = SecretManagerServiceClient()
        return client.access_secret_version(name="cm360_dclid").payload.data.decode()  # known-fp: airflow-secret-returned-to-xcom

    @task(do_xcom_push=False)
    def no_xcom():
        return os.environ["PARTNER_API_TOKEN"]

    pick_connection()
    describe()
    token_length()
    configuration()
    secret_reference()
    use_token()
    command()
    account_id()
    click_id()
    no_xcom()


partner()


def fetch_session(**context):
    context["ti"].xcom_push(key="partner_conn_id", value="partner_default")
    context["ti"].xcom_push(key="rows", value=42)
    return os.environ.get("PARTNER_API_TOKEN")


class PartnerHookUser:
    # not an operator: execute() is an ordinary method
    def execute(self):
        return os.environ["PARTNER_API_TOKEN"]


class CountOperator(BaseOperator):
    def execute(self, context):
        token = os.environ["PARTNER_API_TOKEN"]
        return {"token_count": 1, "authenticated": bool(token)}


quiet = PythonOperator(task_id="fetch", python_callable=fetch_session, do_xcom_push=False)
