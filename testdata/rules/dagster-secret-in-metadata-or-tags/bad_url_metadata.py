"""URL metadata values that carry a password (a scenario file: rule pages may not show url( calls)."""
import os

from dagster import MaterializeResult, MetadataValue, asset


@asset
def orders():
    db_url = f"postgresql://etl:{os.environ['WAREHOUSE_PASSWORD']}@db.internal:5432/etl"
    return MaterializeResult(metadata={"source": MetadataValue.url(db_url)})  # want: dagster-secret-in-metadata-or-tags@50
