"""Secrets sent to the Prefect run logger."""
import os

from prefect import flow, get_run_logger
from prefect.blocks.system import Secret


@flow
def sync():
    logger = get_run_logger()
    token = Secret.load("api-token").get()
    logger.info("token is %s", token)  # want: prefect-run-logger-secret `secret from .Secret\.load\("api-token"\)\.get\(\).`
    url = f"https://etl:{token}@api.example.com/v1"
    logger.debug(f"calling {url}")  # want: prefect-run-logger-secret
    password = os.environ["DB_PASSWORD"]
    get_run_logger().warning("db password: " + password)  # want: prefect-run-logger-secret
