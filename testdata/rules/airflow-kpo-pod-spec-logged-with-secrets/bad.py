"""KubernetesPodOperator env_vars that put secrets in the pod spec logged on failure."""
import os

from airflow.decorators import task
from airflow.hooks.base import BaseHook
from airflow.models import Variable
from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
from airflow.providers.google.cloud.operators.kubernetes_engine import GKEStartPodOperator
from kubernetes.client import models as k8s

DB_PASSWORD = os.environ["WAREHOUSE_DB_PASSWORD"]

load = KubernetesPodOperator(
    task_id="load",
    image="etl:1.4",
    env_vars={
        "DB_PASSWORD": Variable.get("db_password"),  # want: airflow-kpo-pod-spec-logged-with-secrets `^secret from .Variable\.get\("db_password"\). is the value of KubernetesPodOperator env var .DB_PASSWORD., and the operator logs the pod spec with env values when the pod fails \(log_pod_spec_on_failure defaults to True\)$`
        "API_KEY": "fixture-api-key-9d8f7g6h",  # want: airflow-kpo-pod-spec-logged-with-secrets `^KubernetesPodOperator env var .API_KEY. is a literal secret, and the operator logs`
        "WAREHOUSE": DB_PASSWORD,  # want: airflow-kpo-pod-spec-logged-with-secrets "WAREHOUSE_DB_PASSWORD"
        "SFTP_PASS": BaseHook.get_connection("partner_sftp").password,  # want: airflow-kpo-pod-spec-logged-with-secrets "get_connection"
        "MODE": "prod",
    },
)

export = GKEStartPodOperator(
    task_id="export",
    project_id="etl",
    location="europe-west1",
    cluster_name="etl",
    image="export:2.0",
    log_pod_spec_on_failure=True,
    env_vars=[
        k8s.V1EnvVar(name="GITHUB_TOKEN", value=os.environ.get("GITHUB_TOKEN")),  # want: airflow-kpo-pod-spec-logged-with-secrets `env var .GITHUB_TOKEN., and the operator logs the pod spec with env values when the pod fails$`
        k8s.V1EnvVar(name="REGION", value="europe-west1"),
    ],
)

templated = KubernetesPodOperator(
    task_id="templated",
    image="etl:1.4",
    env_vars={"DB_PASSWORD": "{{ var.value.db_password }}"},  # want: airflow-kpo-pod-spec-logged-with-secrets `^KubernetesPodOperator env var .DB_PASSWORD. is rendered from a template into the pod spec`
)


def build(snowflake_password):
    # a credential-named value under a credential-named env var: whatever it is, it is in the spec
    return KubernetesPodOperator(task_id="built", image="etl:1.4", env_vars={"SNOWFLAKE_PASSWORD": snowflake_password})  # want: airflow-kpo-pod-spec-logged-with-secrets "secret from `snowflake_password`"


@task.kubernetes(image="python:3.12", env_vars={"SLACK_TOKEN": Variable.get("slack_token")})  # want: airflow-kpo-pod-spec-logged-with-secrets "SLACK_TOKEN"
def notify():
    pass
