"""Dagster GraphQL clients left on the default use_https=False to remote webservers."""
import os

from dagster_graphql import DagsterGraphQLClient

client = DagsterGraphQLClient("dagster.corp.example.com", port_number=80)  # want: dagster-graphql-client-plaintext "`DagsterGraphQLClient` talks to `dagster.corp.example.com` over plain http \\(use_https is off\\)$"

cloud = DagsterGraphQLClient(
    "example-org.dagster.cloud/prod",  # want: dagster-graphql-client-plaintext "`example-org.dagster.cloud` over plain http \\(use_https is off\\): a `Dagster-Cloud-Api-Token` header travels in clear"
    headers={"Dagster-Cloud-Api-Token": os.environ["DAGSTER_CLOUD_API_TOKEN"]},
)

explicit = DagsterGraphQLClient(hostname="10.20.0.15", port_number=3000, use_https=False)  # want: dagster-graphql-client-plaintext "`10.20.0.15`"

in_cluster = DagsterGraphQLClient("dagster-webserver", port_number=80)  # want: dagster-graphql-client-plaintext "in-cluster host `dagster-webserver`"
