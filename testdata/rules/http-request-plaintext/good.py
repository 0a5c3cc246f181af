"""https, local services, and http strings that are not requests."""
import os

import requests

requests.get("https://api.example.com/v1/items")
requests.get("http://localhost:8080/health")
requests.get("http://127.0.0.1:5000/api")
requests.get("http://host.docker.internal:8080/")
requests.get(os.environ["API_URL"])
requests.get(f"{os.environ['API_BASE']}/v1/items")
requests.get(f"http://{host}/v1/items")

SCHEMA = "http://json-schema.org/draft-07/schema#"
print("see http://docs.example.com for details")


# a demo API faked by an HTTP-mocking library: the request never leaves the process
import responses


class OrdersAPI:
    @responses.activate
    def get_orders(self):
        responses.get("http://api.jaffleshop.co/v1/orders", json=[])
        return requests.get("http://api.jaffleshop.co/v1/orders")
