"""Dagster resources and run config written to the logs."""
import os

from dagster import AssetExecutionContext, asset


@asset
def inspect(context: AssetExecutionContext):
    context.log.info(f"resources: {context.resources}")  # want: log-environment-or-config-dump
    context.log.debug(str(context.run_config))  # want: log-environment-or-config-dump
    context.log.info(f"env: {os.environ}")  # want: log-environment-or-config-dump
