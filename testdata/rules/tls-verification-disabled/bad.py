"""HTTP clients with certificate verification turned off."""
import os

import aiohttp
import httpx
import requests
import requests as rq
import urllib3
from elasticsearch import Elasticsearch
from kubernetes import client as k8s

requests.get("https://api.example.com/items", verify=False)  # want: tls-verification-disabled "`requests.get` is called with verify=False$"
rq.post("https://api.example.com/items", json={}, verify=False)  # want: tls-verification-disabled

session = requests.Session()
session.verify = False  # want: tls-verification-disabled "`session.verify` is set to False"
session.get("https://api.example.com/items", verify=False)  # want: tls-verification-disabled

client = httpx.Client(base_url="https://api.example.com", verify=False)  # want: tls-verification-disabled

token = os.environ["PARTNER_API_TOKEN"]
requests.post(
    "https://partner.example.com/v1/upload",
    headers={"Authorization": f"Bearer {token}"},
    verify=False,  # want: tls-verification-disabled "an `Authorization` header sent to an unverified endpoint"
)
requests.get("https://api.example.com/me", auth=("etl", os.environ["API_PASSWORD"]), verify=False)  # want: tls-verification-disabled "basic-auth credentials"

pool = urllib3.PoolManager(cert_reqs="CERT_NONE")  # want: tls-verification-disabled "cert_reqs=CERT_NONE"
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

es = Elasticsearch(["https://search.example.com:9200"], verify_certs=False)  # want: tls-verification-disabled "verify_certs=False"

cfg = k8s.Configuration()
cfg.verify_ssl = False  # want: tls-verification-disabled "Kubernetes API server"


async def fetch():
    async with httpx.AsyncClient(verify=False) as c:  # want: tls-verification-disabled
        return await c.get("https://api.example.com/items")


async def fetch_aiohttp():
    connector = aiohttp.TCPConnector(ssl=False)  # want: tls-verification-disabled "ssl=False"
    async with aiohttp.ClientSession(connector=connector) as s:
        async with s.get("https://api.example.com/items", ssl=False) as r:  # want: tls-verification-disabled
            return await r.json()
