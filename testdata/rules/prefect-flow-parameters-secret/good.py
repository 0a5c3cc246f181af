import os

from prefect import flow
from prefect.blocks.system import Secret
from prefect.deployments import run_deployment
from pydantic import SecretStr


# the safe forms: pass the block name and load the secret inside the flow, or type it SecretStr
@flow
def etl(db_host: str, creds_block: str = "prod-db", db_password: SecretStr = SecretStr("Fixture2024!")):
    password = Secret.load(creds_block).get()
    return db_host, len(password)


@flow
def sync(api_token: SecretStr, token_count: int = 3, password_block_name: str = "warehouse-pw"):
    pass


@flow
def report(secret_name: str = "reporting-token", password_secret: str = "reporting-pw", token_url: str = "https://auth"):
    pass


@flow
def pull(uri_parameter: str, password_parameter: str, credential_bucket: str, database_secret_key_password: str):
    pass


@flow
def fetch(client_id: str, client_secret: SecretStr):
    pass


@flow
def pipeline():
    # names of where secrets are kept, not secrets; SecretStr parameters are obscured; .fn() makes no run
    pull("bolt://db", "/prod/neo4j/password", "creds-bucket", "password")
    fetch("cpi", Secret.load("cpi-client-secret").get())
    fetch(client_id=Secret.load("cpi-client-id").get(), client_secret=None)  # the id is not the secret
    password_parameter = "/prod/neo4j/password"
    pull("bolt://db", password_parameter=password_parameter, credential_bucket="b", database_secret_key_password="pw")
    etl.fn("db.internal", db_password=Secret.load("prod-db-password").get())
    helper(password=os.environ["DB_PASSWORD"])


def helper(password: str = "NotAFlow2024!"):  # not a flow: its defaults are not stored
    pass


if __name__ == "__main__":
    etl.serve(name="nightly", parameters={"db_host": "db.internal", "creds_block": "prod-db"})
    etl.deploy(name="prod", work_pool_name="k8s", parameters={"db_password": SecretStr(os.environ["DB_PASSWORD"])})
    run_deployment("etl/prod", parameters={"db_password": "{{ prefect.blocks.secret.prod-db-password }}"})
    run_deployment("etl/prod", parameters={"db_password": "changeme", "api_key": "<your-api-key>", "token": ""})
    run_deployment("etl/prod", parameters={"region": os.environ["AWS_REGION"], "batch_size": 100})
    run_deployment("etl/prod", parameters={"secret_block": "prod-db", "password_file": "/run/secrets/pw"})
    etl.serve(name="n", tags=["password"], description="loads the secret from the prod-db block")
    other_client.create(parameters={"db_password": "NotPrefect2024!"})
