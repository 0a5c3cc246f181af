"""Verification on, a CA bundle path, https schemas and local test servers."""
from airflow.models import Connection
from airflow.providers.http.operators.http import HttpOperator

push = HttpOperator(
    task_id="push",
    http_conn_id="partner_api",
    endpoint="/v1/orders",
    extra_options={"verify": "/etc/ssl/certs/corp-ca.pem"},
)
check = HttpOperator(task_id="check", http_conn_id="partner_api", endpoint="/health", extra_options={"verify": True})

warehouse = Connection(conn_id="warehouse", conn_type="postgres", host="warehouse.example.com",
                       extra={"sslmode": "verify-full", "sslrootcert": "/etc/ssl/certs/rds-ca.pem"})
api = Connection(conn_id="api", conn_type="http", host="api.example.com", schema="https")
mock = Connection(conn_id="mock", conn_type="http", host="localhost", port=8080, extra={"verify": False})
