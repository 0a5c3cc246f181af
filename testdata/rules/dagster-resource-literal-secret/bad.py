from dagster import ConfigurableResource, Definitions, EnvVar
from dagster_snowflake import SnowflakeResource


class GithubClientResource(ConfigurableResource):
    access_token: str


defs = Definitions(
    resources={
        "snowflake": SnowflakeResource(account="acme", user="etl", password="fixture-snow-pw-3"),  # want: dagster-resource-literal-secret
        "github": GithubClientResource(access_token="Jd83kQpz1LmXv7Rw"),  # want: dagster-resource-literal-secret
    }
)
