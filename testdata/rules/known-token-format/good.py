from dagster import ScheduleDefinition

AWS_KEY = "AKIAIOSFODNN7EXAMPLE"
placeholder = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
schedule = ScheduleDefinition(
    job=analyze_schema_dwh_imp_api_job,
    cron_schedule="0 5 * * *",
)
TAG_KEY = "test-s3-bucket-tagging-key"
from data_pipeline.twitter_ads_api.twitter_ads_api_config import (
    TwitterAdsApiApiQueryParametersConfig,
    TwitterAdsApiConfig,
    TwitterAdsApiSourceConfig
)
