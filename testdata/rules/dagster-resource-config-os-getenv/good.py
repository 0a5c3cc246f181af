"""Resources configured with EnvVar, and env reads that are not resource secrets."""
import os

from dagster import ConfigurableResource, Definitions, EnvVar, asset
from dagster_snowflake import SnowflakeResource


class PartnerApi(ConfigurableResource):
    api_token: str
    base_url: str = os.getenv("PARTNER_BASE_URL", "https://api.example.com")
    timeout: int = int(os.getenv("PARTNER_TIMEOUT", "30"))

    def session(self):
        # read at run time inside a resource method: not part of the loaded config
        token = EnvVar("PARTNER_API_TOKEN").get_value()
        return token


@asset
def orders(context):
    # built while the asset runs: the config is not shown in the UI
    api = PartnerApi(api_token=os.environ["PARTNER_API_TOKEN"])
    return api.session()


defs = Definitions(
    assets=[orders],
    resources={
        "snowflake": SnowflakeResource(
            account=os.getenv("SNOWFLAKE_ACCOUNT"),
            user=os.getenv("SNOWFLAKE_USER"),
            password=EnvVar("SNOWFLAKE_PASSWORD"),
            database=os.environ["SNOWFLAKE_DATABASE"],
            warehouse=os.getenv("SNOWFLAKE_WAREHOUSE", "COMPUTE_WH"),
        ),
        "partner": PartnerApi(api_token=EnvVar("PARTNER_API_TOKEN"), base_url=os.environ["PARTNER_URL"]),
    },
)
token_count = os.getenv("TOKEN_COUNT")
