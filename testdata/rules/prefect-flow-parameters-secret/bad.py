import os

from prefect import flow
from prefect.blocks.system import Secret
from prefect.deployments import run_deployment


@flow
def etl(db_host: str, db_password: str = "Fixture2024!"):  # want: prefect-flow-parameters-secret "literal default"
    pass


@flow
def sync(api_token: str):  # want: prefect-flow-parameters-secret "plain `str`"
    pass


@flow
def load(warehouse_password=os.environ["WAREHOUSE_PASSWORD"]):  # want: prefect-flow-parameters-secret "default of flow parameter"
    pass


@flow
def report(password: str | None = None):  # want: prefect-flow-parameters-secret "plain `str`"
    pass


@flow
def fetch(client_id: str, client_secret: str, token_url: str):  # want: prefect-flow-parameters-secret "plain `str`"
    pass


@flow
def pipeline():
    # a subflow call creates a flow run that stores its parameters
    secret = Secret.load("cpi-client-secret").get()
    fetch("cpi", secret, token_url="https://auth.example.org")  # want: prefect-flow-parameters-secret "called with parameter `client_secret`"
    fetch(client_id="cpi", client_secret=os.environ["CPI_CLIENT_SECRET"], token_url="u")  # want: prefect-flow-parameters-secret "CPI_CLIENT_SECRET"
    fetch("cpi", "Fixture-Client-Secret-3", "u")  # want: prefect-flow-parameters-secret "called with a literal"


if __name__ == "__main__":
    etl.serve(name="nightly", parameters={"db_host": "db.internal", "db_password": "Fixture2024!"})  # want: prefect-flow-parameters-secret "`db_password` is a literal"
    etl.deploy(
        name="prod",
        work_pool_name="k8s",
        parameters={
            "db_host": "db.internal",
            "db_password": Secret.load("prod-db-password").get(),  # want: prefect-flow-parameters-secret "Secret.load"
        },
    )
    run_deployment("etl/prod", parameters={"db_password": os.environ["PROD_DB_PASSWORD"]})  # want: prefect-flow-parameters-secret "PROD_DB_PASSWORD"
    run_deployment("sync/prod", parameters={"config": {"snowflake": {"password": "Fixture-Snow-99"}}})  # want: prefect-flow-parameters-secret "`password` is a literal"
    token = os.getenv("GITHUB_TOKEN")
    run_deployment("sync/prod", parameters={"repo": "org/repo", "auth": token})  # want: prefect-flow-parameters-secret "GITHUB_TOKEN"
    sync.to_deployment(name="s", parameters={"api_token": os.environ.get("SYNC_API")})  # want: prefect-flow-parameters-secret "read from"
    report.serve(name="r", parameters=dict(password="Fixture-Report-7"))  # want: prefect-flow-parameters-secret "`password` is a literal"
