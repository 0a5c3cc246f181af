"""Dagster code that logs around secrets without writing them out."""
import hashlib
import logging
import os
from urllib.parse import urlsplit

import dagster as dg
from dagster import ConfigurableResource, EnvVar, Definitions, asset, get_dagster_logger


class PartnerApi(ConfigurableResource):
    api_token: str
    base_url: str
    password_policy_url: str

    def client(self):
        log = get_dagster_logger()
        log.info("calling %s", self.base_url)
        log.info("token has %d characters", len(self.api_token))
        log.info("policy at %s", self.password_policy_url)
        log.info("token digest %s", hashlib.sha256(self.api_token.encode()).hexdigest())


@asset
def orders(context: dg.AssetExecutionContext):
    level = EnvVar("LOG_LEVEL").get_value()
    context.log.info(f"log level {level}")
    key = EnvVar("PARTNER_API_KEY").get_value()
    context.log.info("key loaded: %s", bool(key))
    token_count = 3
    num_keys = 2
    context.log.info("tokens %d, keys %d", token_count, num_keys)
    dsn = f"postgresql://etl:{os.environ['WAREHOUSE_PASSWORD']}@db.internal/etl"
    context.log.info("host %s", urlsplit(dsn).hostname)
    context.log.info("env %s", os.environ["DAGSTER_DEPLOYMENT"])
    context.log.info("resource host %s", context.resources.partner.base_url)


@asset
def with_dsn(context):
    url = f"https://etl:{os.environ['API_PASSWORD']}@api.example.com/v1"
    context.log.info("calling %s", urlsplit(url).hostname)


def _describe(context, detail):
    context.log.info("loaded %s", detail)


@asset
def described(context):
    _describe(context, "partner api")
    _describe(context, detail=len(os.environ["PARTNER_API_TOKEN"]))


def helper_outside_dagster():
    # not run by Dagster: its prints are not captured into compute logs
    print(os.environ["DB_PASSWORD"])


defs = Definitions(
    assets=[orders, with_dsn],
    resources={"partner": PartnerApi(api_token=EnvVar("PARTNER_API_TOKEN"), base_url="https://api.example.com",
                                     password_policy_url="https://wiki.example.com/pw")},
)
logging.getLogger(__name__).info("definitions loaded")
