"""Prints Prefect does not capture, or that hold no secret value."""
from prefect import flow
from prefect.blocks.system import Secret


@flow
def without_log_prints():
    token = Secret.load("api-token").get()
    print(f"using token {token}")  # stdout of the worker only: not this rule


@flow(log_prints=True)
def with_log_prints():
    token = Secret.load("api-token").get()
    print("token loaded:", bool(token))
    print("token length:", len(token))
