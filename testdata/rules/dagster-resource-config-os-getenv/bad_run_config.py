"""Run config of sensors, schedules and jobs holding secrets read from the environment."""
import os

import dagster as dg
from dagster import EnvVar, RunRequest, ScheduleEvaluationContext, define_asset_job, schedule, sensor


@sensor(job_name="fleet")
def new_exports(context):
    return RunRequest(
        run_key="x",
        run_config={
            "ops": {
                "get_token": {
                    "config": {
                        "tenant_id": EnvVar("AZURE_TENANT_ID").get_value(),
                        "client_secret": EnvVar("FLEET_APP_SECRET").get_value(),  # want: dagster-resource-config-os-getenv "run config key `client_secret` is read with `EnvVar..FLEET_APP_SECRET...get_value..` into the run config, which Dagster stores with the run"
                    },
                },
            },
        },
    )


@schedule(job_name="zendesk", cron_schedule="*/5 * * * *")
def zendesk(context: ScheduleEvaluationContext):
    return dg.RunRequest(run_config={"ops": {"fetch": {"config": {"zendesk_key": os.environ["ZENDESK_API_KEY"]}}}})  # want: dagster-resource-config-os-getenv


nightly = define_asset_job("nightly", config={"resources": {"api": {"config": {"token": os.getenv("API_TOKEN")}}}})  # want: dagster-resource-config-os-getenv
