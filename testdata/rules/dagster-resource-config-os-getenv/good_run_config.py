"""Run config that names environment variables instead of resolving them, and test-only resources."""
import os

from dagster import EnvVar, RunRequest, define_asset_job, materialize, sensor
from dagster_snowflake import SnowflakeResource


@sensor(job_name="fleet")
def new_exports(context):
    return RunRequest(
        run_key="x",
        run_config={
            "ops": {
                "get_token": {
                    "config": {
                        "tenant_id": EnvVar("AZURE_TENANT_ID").get_value(),
                        "client_secret": {"env": "FLEET_APP_SECRET"},
                        "path": os.environ["EXPORT_PATH"],
                    },
                },
            },
        },
    )


nightly = define_asset_job("nightly", config={"resources": {"api": {"config": {"token": {"env": "API_TOKEN"}}}}})


def test_materialize_with_snowflake():
    # an in-process run in a test: no code location, no UI
    warehouse = SnowflakeResource(account="acme", password=os.environ["SNOWFLAKE_PASSWORD"])
    materialize([], resources={"snowflake": warehouse})
