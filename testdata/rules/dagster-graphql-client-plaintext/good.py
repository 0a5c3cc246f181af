"""HTTPS on, local webservers, hosts from the environment, and other classes of the same name."""
import os

from dagster_graphql import DagsterGraphQLClient

secure = DagsterGraphQLClient("example-org.dagster.cloud/prod", use_https=True,
                              headers={"Dagster-Cloud-Api-Token": os.environ["DAGSTER_CLOUD_API_TOKEN"]})
local = DagsterGraphQLClient("localhost", port_number=3000)
loopback = DagsterGraphQLClient("127.0.0.1", port_number=3000)
configured = DagsterGraphQLClient(os.environ["DAGSTER_HOST"], use_https=os.environ.get("DAGSTER_HTTPS") == "1")
from_env = DagsterGraphQLClient(os.environ["DAGSTER_HOST"])


class DagsterGraphQLClient:  # a project's own wrapper of the same name
    def __init__(self, host):
        self.host = host


DagsterGraphQLClient("dagster.corp.example.com")
