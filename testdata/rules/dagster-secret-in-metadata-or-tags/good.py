"""Metadata and tags that describe the data, not the credential."""
import os
from urllib.parse import urlsplit

import dagster as dg
from dagster import EnvVar, MaterializeResult, MetadataValue, Output, RunRequest, asset, op, sensor


@asset(tags={"team": "finance"}, metadata={"owner": "etl"})
def orders(context: dg.AssetExecutionContext):
    password = os.environ["WAREHOUSE_PASSWORD"]
    db_url = f"postgresql://etl:{password}@db.internal:5432/etl"
    public = "https://dashboards.example.com/orders"
    context.add_output_metadata({"rows": 10, "host": urlsplit(db_url).hostname, "dashboard": MetadataValue.path(public)})
    token_count = 4
    return MaterializeResult(metadata={"tokens": token_count, "password_policy_url": MetadataValue.md(public),
                                       "has_password": bool(password), "pw_len": len(password)})


@op
def load(context):
    level = EnvVar("LOG_LEVEL").get_value()
    yield Output(1, metadata={"level": level, "env": os.environ["DAGSTER_DEPLOYMENT"]})


@sensor(job_name="sync")
def new_files(context):
    api_key = os.environ["PARTNER_API_KEY"]
    yield RunRequest(run_key="x", tags={"source": "partner", "key_loaded": str(bool(api_key)),
                                        "dagster-k8s/config": {"container_config": {"env": [{"name": "X", "value": "y"}]}}})
