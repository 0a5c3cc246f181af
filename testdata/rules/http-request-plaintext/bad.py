"""Requests over plain http to hosts that are not local."""
import os

import httpx
import requests

requests.get("http://api.example.com/v1/items")  # want: http-request-plaintext "`requests.get` sends a request over plain http to `api.example.com`$"

token = os.environ["PARTNER_TOKEN"]
requests.post(
    "http://partner.example.com/v1/upload",  # want: http-request-plaintext "sends an `Authorization` header over plain http"
    headers={"Authorization": f"Bearer {token}"},
    json={"rows": 10},
)
requests.get("http://reports.example.com/export", auth=("etl", os.environ["REPORTS_PASSWORD"]))  # want: http-request-plaintext "basic-auth credentials"

client = httpx.Client(base_url="http://internal-api:8080")  # want: http-request-plaintext "in-cluster host `internal-api`"


def fetch(path):
    return requests.get(f"http://api.example.com/v1/{path}")  # want: http-request-plaintext
