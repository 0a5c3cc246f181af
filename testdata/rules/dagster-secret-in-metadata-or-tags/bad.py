"""Secrets attached to Dagster metadata and tags."""
import os

import dagster as dg
from dagster import AssetMaterialization, EnvVar, MaterializeResult, MetadataValue, Output, RunRequest, asset, op, sensor


@asset
def orders(context: dg.AssetExecutionContext):
    password = os.environ["WAREHOUSE_PASSWORD"]
    db_url = f"postgresql://etl:{password}@db.internal:5432/etl"
    context.add_output_metadata({"rows": 10, "source": db_url})  # want: dagster-secret-in-metadata-or-tags@56 "is attached as Dagster metadata"
    return MaterializeResult(metadata={"source": MetadataValue.text(db_url)})  # want: dagster-secret-in-metadata-or-tags@50


@op
def load(context):
    key = EnvVar("PARTNER_API_KEY").get_value()
    context.log_event(AssetMaterialization(asset_key="partner", metadata={"key": key}))  # want: dagster-secret-in-metadata-or-tags
    yield Output(1, metadata={"auth": dg.MetadataValue.text("Bearer " + key)})  # want: dagster-secret-in-metadata-or-tags


@asset
def reports(context):
    token = os.getenv("GITHUB_TOKEN")
    context.add_asset_metadata(metadata={"token": token})  # want: dagster-secret-in-metadata-or-tags
    return 1


@sensor(job_name="sync")
def new_files(context):
    api_key = os.environ["PARTNER_API_KEY"]
    yield RunRequest(run_key="x", tags={"partner_key": api_key})  # want: dagster-secret-in-metadata-or-tags "is set as a Dagster tag"


@asset(op_tags={"partner_key": os.getenv("PARTNER_API_KEY")})  # want: dagster-secret-in-metadata-or-tags@32 "is set as a Dagster tag"
def tagged():
    return 1


nightly = dg.define_asset_job("nightly", tags={"auth": "Bearer " + os.environ["PARTNER_API_TOKEN"]})  # want: dagster-secret-in-metadata-or-tags@56
