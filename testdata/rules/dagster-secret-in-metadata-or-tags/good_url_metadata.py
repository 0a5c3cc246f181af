"""URL metadata values without credentials."""
import os
from urllib.parse import urlsplit

from dagster import MaterializeResult, MetadataValue, asset


@asset
def orders():
    db_url = f"postgresql://etl:{os.environ['WAREHOUSE_PASSWORD']}@db.internal:5432/etl"
    dashboard = "https://dashboards.example.com/orders"
    return MaterializeResult(metadata={"dashboard": MetadataValue.url(dashboard), "host": MetadataValue.text(urlsplit(db_url).hostname)})
