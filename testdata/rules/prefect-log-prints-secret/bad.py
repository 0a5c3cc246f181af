"""Secrets printed where Prefect ships prints to the API."""
from prefect import flow, task
from prefect.blocks.system import Secret


@task
def call_api(api_token: str):
    print("calling with", api_token)  # want: prefect-log-prints-secret


@flow(log_prints=True)
def sync():
    token = Secret.load("api-token").get()
    print(f"using token {token}")  # want: prefect-log-prints-secret "is printed into the Prefect run log"
    call_api(token)
