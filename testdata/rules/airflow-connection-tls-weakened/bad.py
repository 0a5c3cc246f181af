"""HTTP operators and connections with verification or TLS turned off."""
import json

from airflow.models import Connection
from airflow.providers.http.hooks.http import HttpHook
from airflow.providers.http.operators.http import HttpOperator

push = HttpOperator(
    task_id="push",
    http_conn_id="partner_api",
    endpoint="/v1/orders",
    extra_options={"verify": False},  # want: airflow-connection-tls-weakened "`HttpOperator` is given extra_options with verify=False"
)


def pull():
    return HttpHook(http_conn_id="partner_api").run("/v1/items", extra_options={"verify": False})  # want: airflow-connection-tls-weakened


warehouse = Connection(
    conn_id="warehouse",
    conn_type="postgres",
    host="warehouse.example.com",
    extra=json.dumps({"sslmode": "disable"}),  # want: airflow-connection-tls-weakened "sslmode: disable"
)
search = Connection(
    conn_id="search",
    conn_type="elasticsearch",
    host="search.example.com",
    extra={"verify_certs": False},  # want: airflow-connection-tls-weakened "`search` turns certificate verification off"
)
