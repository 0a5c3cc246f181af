"""Verification left on, or pointed at a private CA bundle."""
import httpx
import requests

requests.get("https://api.example.com/items")
requests.get("https://api.example.com/items", verify=True)
requests.get("https://api.example.com/items", verify="/etc/ssl/certs/corp-ca.pem")
requests.get("https://api.example.com/items", verify=settings.CA_BUNDLE)

session = requests.Session()
session.verify = "/etc/ssl/certs/corp-ca.pem"

client = httpx.Client(verify=ssl_context)


def verify(payload, strict=False):
    return payload


verify({}, strict=False)
other_client.get("https://api.example.com/items", verify=False)  # not a known HTTP library
