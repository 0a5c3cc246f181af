# Dagster assets and resources: EnvVar, os.getenv at load time, context.log, metadata.
import os

import dagster as dg
from dagster import (
    AssetExecutionContext,
    ConfigurableResource,
    Definitions,
    EnvVar,
    MaterializeResult,
    asset,
    get_dagster_logger,
)


class WarehouseResource(ConfigurableResource):
    host: str
    password: str

    def connect(self):
        get_dagster_logger().info("connecting with %s", self.password)
        return self.host


@asset
def orders(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    context.log.info("host %s", warehouse.host)
    context.log.debug(f"pw={warehouse.password}")
    secret_key = os.environ["SNOWFLAKE_PRIVATE_KEY"]
    num_keys = 4
    context.log.info("keys: %d", num_keys)
    return MaterializeResult(metadata={"row_count": 10, "dsn": f"user:{secret_key}@host"})


@dg.op
def plain_op(ctx):
    ctx.log.info("hello")


defs = Definitions(
    assets=[orders],
    resources={
        "warehouse": WarehouseResource(
            host="db.internal",
            password=EnvVar("WAREHOUSE_PASSWORD"),
        ),
        "legacy": WarehouseResource(host="x", password=os.getenv("LEGACY_PW", "")),
        "hard": WarehouseResource(host="y", password="s3cr3t-Pa55"),
    },
)
