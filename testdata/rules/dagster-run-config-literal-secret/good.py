import os

from dagster import EnvVar, RunConfig, RunRequest, ScheduleDefinition, define_asset_job

# StringSource fields read from the environment at run time
sync = define_asset_job("sync", config={"resources": {"api": {"config": {"token": {"env": "API_TOKEN"}}}}})

# non-secret config
nightly = ScheduleDefinition(
    job=sync,
    cron_schedule="0 3 * * *",
    run_config={"ops": {"load": {"config": {"table": "events", "token_count": 100, "password_file": "/run/pw"}}}},
)

# values computed at run time, placeholders and templates
request = RunRequest(run_config={"ops": {"load": {"config": {"password": os.environ["PW"], "api_key": "<api-key>"}}}})
config = RunConfig(resources={"slack": {"config": {"token": "{{ env.SLACK_TOKEN }}", "secret": EnvVar("S")}}})

# not Dagster: a plain dict named config
config_dict = {"ops": {"x": {"config": {"password": "Kf3-pL8w-Zx1"}}}}
