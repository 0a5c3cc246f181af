# Prefect 3 flow: Secret blocks, log_prints inheritance, run logger, hashing and lengths.
import hashlib
from urllib.parse import urlparse

import httpx
from prefect import flow, task, get_run_logger
from prefect.blocks.system import Secret
from prefect.variables import Variable


@task
def call_api(url: str, api_token: str) -> dict:
    print(f"calling {url} with {api_token}")
    digest = hashlib.sha256(api_token.encode()).hexdigest()
    print("token digest", digest)
    print("token length", len(api_token))
    with httpx.Client(verify=False) as client:
        return client.get(url, headers={"Authorization": f"Bearer {api_token}"}).json()


@task(log_prints=False)
def quiet(password_policy_url: str):
    print(password_policy_url)


def helper(n):
    print("helper", n)


def load_token():
    return Secret.load("partner-token").get()


@flow(log_prints=True, name="sync")
def sync_partner(base_url: str = "https://partner.example.com"):
    logger = get_run_logger()
    token = load_token()
    logger.info("using token %s", token)
    logger.info("host %s", urlparse(token).hostname)
    token_count = 2
    logger.info("token_count=%d", token_count)
    region = Variable.get("region")
    call_api.submit(base_url, token)
    quiet(base_url)
    helper(region)
    if token is None:
        raise ValueError(f"no token for {base_url}")
    raise RuntimeError(f"bad token {token}")


@flow
def other_flow():
    print("not captured")
