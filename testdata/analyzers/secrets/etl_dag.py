# Airflow DAG with hardcoded credentials (obviously fake values, pattern-valid).
from datetime import datetime

from airflow import DAG
from airflow.models import Connection, Variable
from airflow.providers.http.operators.http import SimpleHttpOperator
from sqlalchemy import create_engine

GITHUB_TOKEN = "ghp_Dw0Fixture0NotARealToken0FAKE0tok3nZ"
SLACK_WEBHOOK = "https://hooks.slack.com/services/T0FAKE000/B0FAKE000/FAKEfakeFAKEfakeFAKEfake"
engine = create_engine("postgresql+psycopg2://etl:Fak3-Pg-Passw0rd@db.internal:5432/dwh")
broker_url = "redis://:Fak3RedisPw9@redis:6379/0"
safe_engine = create_engine("postgresql://etl:${PG_PASSWORD}@db.internal/dwh")
templated = "mysql://app:{{conn.mysql_default.password}}@mysql/app"
no_password = "postgresql://etl@db.internal/dwh"
empty_password = "redis://:@redis:6379/0"
default_pair = "postgresql+psycopg2://airflow:airflow@postgres/airflow"
api_key = "sk-FAKEabc123"  # too short for any rule
token = Variable.get("api_token")

conn = Connection(
    conn_id="warehouse",
    conn_type="postgres",
    password="Fak3WarehousePassw0rd",
)

with DAG("etl", start_date=datetime(2024, 1, 1), schedule="@daily") as dag:
    call = SimpleHttpOperator(
        task_id="call",
        headers={"Authorization": "Bearer {{ var.value.api_token }}"},
    )
