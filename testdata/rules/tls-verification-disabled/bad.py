"""HTTP clients with certificate verification turned off."""
import httpx
import requests
import requests as rq

requests.get("https://api.example.com/items", verify=False)  # want: tls-verification-disabled "`requests.get` is called with verify=False"
rq.post("https://api.example.com/items", json={}, verify=False)  # want: tls-verification-disabled

session = requests.Session()
session.verify = False  # want: tls-verification-disabled "`session.verify` is set to False"
session.get("https://api.example.com/items", verify=False)  # want: tls-verification-disabled

client = httpx.Client(base_url="https://api.example.com", verify=False)  # want: tls-verification-disabled


async def fetch():
    async with httpx.AsyncClient(verify=False) as c:  # want: tls-verification-disabled
        return await c.get("https://api.example.com/items")
