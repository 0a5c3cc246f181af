"""Secrets written to Dagster's event log, compute logs and step errors."""
import logging
import os

import dagster as dg
from dagster import ConfigurableResource, EnvVar, asset, get_dagster_logger, op


class PartnerApi(ConfigurableResource):
    api_token: str
    base_url: str

    def client(self):
        get_dagster_logger().info(f"Connecting with key {self.api_token}")  # want: dagster-secret-logged "secret from `self.api_token` is written to the Dagster event log"
        return self._session()

    def _session(self):
        print("auth", self.api_token)  # want: dagster-secret-logged "is printed from Dagster code"
        return None


@asset
def orders(context: dg.AssetExecutionContext):
    key = EnvVar("PARTNER_API_KEY").get_value()
    context.log.info(f"using key {key}")  # want: dagster-secret-logged `secret from .EnvVar\("PARTNER_API_KEY"\)\.get_value\(\). is written to the Dagster event log`
    header = "Bearer " + key
    auth = {"Authorization": header}
    context.log.debug("headers: %s", auth)  # want: dagster-secret-logged
    context.log.warning(context.resources.partner.api_token)  # want: dagster-secret-logged


@op
def load(context):
    password = os.environ["WAREHOUSE_PASSWORD"]
    dsn = f"postgresql://etl:{password}@db.internal:5432/etl"
    logging.getLogger(__name__).info("dsn=%s", dsn)  # want: dagster-secret-logged "is logged from Dagster code"
    if not dsn:
        raise ValueError(f"cannot connect with {dsn}")  # want: dagster-secret-logged "is raised in an exception"
    _report(context, password)


def _report(context, detail):
    # cross-function: the caller passes the password in
    context.log.error("bad credentials " + detail)  # want: dagster-secret-logged `secret from .os\.environ\["WAREHOUSE_PASSWORD"\]. is written`


@dg.op
def call_api(context, api_key: str):
    # a credential-named parameter: the name is the only evidence, so medium confidence
    logger = get_dagster_logger()
    logger.info("calling with %s", api_key)  # want: dagster-secret-logged "secret from `api_key`"


def token_from_env():
    return os.getenv("GITHUB_TOKEN")


@asset
def repos():
    tok = token_from_env()
    print(f"token={tok}")  # want: dagster-secret-logged `secret from .os\.getenv\("GITHUB_TOKEN"\).`
