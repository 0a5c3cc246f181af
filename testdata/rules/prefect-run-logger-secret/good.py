"""Logging about secrets without their values."""
import hashlib
from urllib.parse import urlsplit

from prefect import flow, get_run_logger
from prefect.blocks.system import Secret


@flow
def sync():
    logger = get_run_logger()
    token = Secret.load("api-token").get()
    logger.info("token has %d characters", len(token))
    logger.info("loaded the %s block", "api-token")
    token_count = 3
    logger.info("tokens: %d", token_count)
    logger.info("token digest %s", hashlib.sha256(token.encode()).hexdigest())
    url = f"https://etl:{token}@api.example.com/v1"
    logger.info("calling %s", urlsplit(url).hostname)
    password_policy_url = "https://wiki.example.com/passwords"
    logger.info("see %s", password_policy_url)
