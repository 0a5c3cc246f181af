from dagster import RunConfig, RunRequest, ScheduleDefinition, define_asset_job, job, schedule

sync = define_asset_job(
    "sync",
    config={"resources": {"api": {"config": {"token": "Jq7vX2mLp9RwK4tZ"}}}},  # want: dagster-run-config-literal-secret
)

nightly = ScheduleDefinition(
    job=sync,
    cron_schedule="0 3 * * *",
    run_config={"ops": {"load": {"config": {"password": "Wn4-hT8q-Lz2"}}}},  # want: dagster-run-config-literal-secret
)


@job(config={"ops": {"extract": {"config": {"api_key": "c91f5e7a0b3d4e2f"}}}})  # want: dagster-run-config-literal-secret
def extract_job():
    ...


@schedule(job=extract_job, cron_schedule="0 * * * *")
def hourly(context):
    return RunRequest(
        run_key=None,
        run_config={"resources": {"warehouse": {"config": {"db_password": "Pz8-rM3k-Qw5"}}}},  # want: dagster-run-config-literal-secret
    )


config = RunConfig(resources={"slack": {"config": {"webhook_token": "Hs6-yB1n-Vc9"}}})  # want: dagster-run-config-literal-secret
