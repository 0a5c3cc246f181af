"""Resource secrets read from the environment when the code location loads."""
import os

import dagster as dg
from dagster import ConfigurableResource, Definitions, EnvVar, asset
from dagster_snowflake import SnowflakeResource
from dagster_aws.s3 import S3Resource


class PartnerApi(ConfigurableResource):
    api_token: str = os.getenv("PARTNER_API_TOKEN")  # want: dagster-resource-config-os-getenv "default of `PartnerApi.api_token` is read with `os.getenv..PARTNER_API_TOKEN..`"
    base_url: str = os.getenv("PARTNER_BASE_URL", "https://api.example.com")


snowflake = SnowflakeResource(
    account="acme",
    user=os.getenv("SNOWFLAKE_USER"),
    password=os.getenv("SNOWFLAKE_PASSWORD"),  # want: dagster-resource-config-os-getenv@14 "resource `SnowflakeResource` field `password`"
    database=os.environ["SNOWFLAKE_DATABASE"],
)

defs = Definitions(
    assets=[],
    resources={
        "snowflake": snowflake,
        "s3": S3Resource(aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"]),  # want: dagster-resource-config-os-getenv
        "partner": PartnerApi(api_token=EnvVar("PARTNER_API_TOKEN").get_value()),  # want: dagster-resource-config-os-getenv "`EnvVar..PARTNER_API_TOKEN...get_value..`"
        # the field names a secret although the variable does not: medium confidence
        "legacy": PartnerApi(api_token=os.environ.get("PARTNER_CRED_A")),  # want: dagster-resource-config-os-getenv
    },
)

configured_db = dg.ResourceDefinition.none_resource().configured(
    {"connection": {"password": os.environ["DB_PASSWORD"]}}  # want: dagster-resource-config-os-getenv "`configured` resource config key"
)

dsn_resource = PartnerApi(api_token=f"Bearer {os.environ['PARTNER_API_TOKEN']}")  # want: dagster-resource-config-os-getenv
