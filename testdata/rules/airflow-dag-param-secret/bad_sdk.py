"""Airflow 3 spellings: airflow.sdk's DAG, dag and Param."""
from airflow.sdk import DAG, Param, Variable, dag

with DAG("sdk_sync", schedule=None, params={"snowflake_pw": Param("fixture-snow-pw-4r5t6y7u")}):  # want: airflow-dag-param-secret "DAG param `snowflake_pw` has a literal secret"
    pass


@dag(schedule=None, params={"github_token": Param(default=Variable.get("github_token"), type="string")})  # want: airflow-dag-param-secret `^secret from .Variable\.get\("github_token"\). is read when the DAG file is parsed and is the default of DAG param .github_token.`
def sdk_notify():
    pass


sdk_notify()
