"""Pods that get their secrets by reference, or do not log the spec: the look-alikes of bad.py."""
import os

from airflow.decorators import task
from airflow.models import Variable
from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
from airflow.providers.cncf.kubernetes.secret import Secret
from kubernetes.client import models as k8s

load = KubernetesPodOperator(
    task_id="load",
    image="etl:1.4",
    secrets=[Secret("env", "DB_PASSWORD", "db-secret", "password")],
    env_vars={
        "MODE": "prod",
        "LANDING_BUCKET": Variable.get("landing_bucket"),  # configuration, not a credential
        "HOME_DIR": os.environ["HOME"],
        "DB_PASSWORD_SECRET_NAME": "db-secret",
        "API_KEY_FILE": "/var/run/secrets/api/key",
        "PASSWORD": "changeme",
        "TOKEN_TTL": "3600",
    },
)

referenced = KubernetesPodOperator(
    task_id="referenced",
    image="etl:1.4",
    env_vars=[
        k8s.V1EnvVar(
            name="GITHUB_TOKEN",
            value_from=k8s.V1EnvVarSource(secret_key_ref=k8s.V1SecretKeySelector(name="github", key="token")),
        ),
        k8s.V1EnvVar(name="REGION", value="europe-west1"),
    ],
)

quiet = KubernetesPodOperator(
    task_id="quiet",
    image="etl:1.4",
    log_pod_spec_on_failure=False,  # the spec is not logged; airflow-operator-literal-credential covers literals
    env_vars={"DB_PASSWORD": Variable.get("db_password"), "API_KEY": "fixture-api-key-9d8f7g6h"},
)

not_a_pod = dict(env_vars={"DB_PASSWORD": Variable.get("db_password")})


@task.kubernetes(image="python:3.12", env_vars={"SLACK_CHANNEL": "#etl"})
def notify():
    pass
