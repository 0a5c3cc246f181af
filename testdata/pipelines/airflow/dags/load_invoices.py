"""Loads invoices from the billing API into the warehouse every night."""
from datetime import datetime

import requests
from airflow import DAG
from airflow.models import Connection, Variable
from airflow.operators.python import PythonOperator

# A connection defined in code, with its password written out.
billing_db = Connection(
    conn_id="billing_db",
    conn_type="postgres",
    host="billing.db.internal",
    login="etl",
    password="Winter2024-not-real",
)

# The right way: the password comes from the secrets backend at run time.
warehouse = Connection(conn_id="warehouse", conn_type="postgres", password=Variable.get("warehouse_password"))


def fetch_invoices(**context):
    token = Variable.get("billing_api_token")
    response = requests.get(
        "https://billing.example.com/api/invoices",
        headers={"Authorization": f"Bearer {token}"},
        verify=False,
    )
    response.raise_for_status()
    return len(response.json())


with DAG("load_invoices", start_date=datetime(2024, 1, 1), schedule="@daily", catchup=False) as dag:
    PythonOperator(task_id="fetch_invoices", python_callable=fetch_invoices)
