from dagster import ConfigurableResource, Definitions, EnvVar
from dagster_snowflake import SnowflakeResource


class GithubClientResource(ConfigurableResource):
    access_token: str


defs = Definitions(
    resources={
        "snowflake": SnowflakeResource(account="acme", user="etl", password=EnvVar("SNOWFLAKE_PASSWORD")),
        "github": GithubClientResource(access_token=EnvVar("GITHUB_TOKEN")),
    }
)
