"""Verification left on, pointed at a private CA bundle, or a local test server."""
import httpx
import requests
from elasticsearch import Elasticsearch

requests.get("https://api.example.com/items")
requests.get("https://api.example.com/items", verify=True)
requests.get("https://api.example.com/items", verify="/etc/ssl/certs/corp-ca.pem")
requests.get("https://api.example.com/items", verify=settings.CA_BUNDLE)

session = requests.Session()
session.verify = "/etc/ssl/certs/corp-ca.pem"

client = httpx.Client(verify=ssl_context)

# a self-signed test server on this machine
requests.get("https://localhost:8443/health", verify=False)
requests.get("https://127.0.0.1:8443/health", verify=False)

es = Elasticsearch(["https://search.example.com:9200"], ca_certs="/etc/ssl/certs/corp-ca.pem", verify_certs=True)


def verify(payload, strict=False):
    return payload


verify({}, strict=False)

# look-alikes of the wrapper checks: verify left on, a local server, a keyword of something that is
# not an HTTP client, and JWT signature checks (not TLS)
HttpFetchOperator(task_id="download", http_conn_id="rdw", verify=True)
api_client.get("http://localhost:8080/health", verify=False)
validator.check(payload, verify=False)
config.verify = False
session.verify = True
jwt.decode(token, verify=False)
