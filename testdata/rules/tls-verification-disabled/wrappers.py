"""verify=False passed through a project's own operator, client or session factory: the module
does not import requests itself, so the calls are judged by their shape (medium confidence)."""
import os

from plugins.http_fetch_operator import HttpFetchOperator
from utils.http import retry_session

download = HttpFetchOperator(
    task_id="download",
    http_conn_id="rdw_conn_id",
    endpoint="/api/records",
    verify=False,  # want: tls-verification-disabled "`HttpFetchOperator` is called with verify=False, which it passes to its HTTP client$"
)

with retry_session(retries=3) as session:
    session.auth = ("etl", os.environ["PARTNER_PASSWORD"])
    session.verify = False  # want: tls-verification-disabled "`session.verify` is set to False: requests made through this session skip certificate checks"

api_client.get("https://partner.example.com/v1/items", verify=False)  # want: tls-verification-disabled "`api_client.get` is called with verify=False"
api_client.post(
    "https://partner.example.com/v1/upload",
    headers={"Authorization": "Bearer " + os.environ["PARTNER_TOKEN"]},
    verify=False,  # want: tls-verification-disabled "an `Authorization` header sent to an unverified endpoint"
)
