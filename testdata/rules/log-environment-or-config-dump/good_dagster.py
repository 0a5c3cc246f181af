"""Dagster code that logs what it uses without dumping it."""
import os

from dagster import AssetExecutionContext, asset


@asset
def inspect(context: AssetExecutionContext):
    context.log.info("run %s", context.run_id)
    context.log.info("partition %s", context.partition_key)
    context.log.info("deployment %s", os.environ.get("DAGSTER_CLOUD_DEPLOYMENT_NAME"))
    context.log.info("resource keys %s", sorted(os.environ))
