"""Copies contacts from the CRM into the data lake."""
import httpx
from prefect import flow, get_run_logger, task
from prefect.blocks.system import Secret


@task
def pull_contacts(api_key: str) -> list[dict]:
    with httpx.Client(base_url="https://crm.example.com", verify=False) as client:
        return client.get("/contacts", headers={"X-Api-Key": api_key}).json()


@flow(log_prints=True)
def sync_crm():
    logger = get_run_logger()
    api_key = Secret.load("crm-api-key").get()
    print(f"using CRM key {api_key}")
    logger.info("pulling contacts with key %s", api_key)
    contacts = pull_contacts(api_key)
    logger.info("pulled %d contacts", len(contacts))


if __name__ == "__main__":
    sync_crm()
