"""Logging about secrets without their values, and values that are not secrets."""
import hashlib
import logging
import os
from urllib.parse import urlsplit

from airflow.decorators import dag, task
from airflow.hooks.base import BaseHook
from airflow.models import Variable
from airflow.utils.log.secrets_masker import mask_secret

log = logging.getLogger(__name__)
SECRET_DCLID = "cm360_dclid"


def get_secret(secret_id: str) -> str:
    # the caller passes the secret's name; only that name reaches the exception
    if not os.path.exists(f"/run/secrets/{secret_id}"):
        raise FileNotFoundError(f"The secret {secret_id} is not mounted")
    return open(f"/run/secrets/{secret_id}").read()


@dag(schedule=None)
def partner():
    @task
    def load():
        token = os.environ["PARTNER_API_TOKEN"]
        log.info("token has %d characters", len(token))
        log.info("token digest %s", hashlib.sha256(token.encode()).hexdigest())
        token_count = 3
        log.info("tokens: %d", token_count)
        password_policy_url = "https://wiki.example.com/passwords"
        print("see", password_policy_url)
        num_keys = len(os.environ)
        print(num_keys)
        url = f"https://etl:{token}@partner.example.com/v1"
        log.info("calling %s", urlsplit(url).hostname)

    @task
    def masked():
        # registered with the masker before it is logged
        token = os.environ["PARTNER_API_TOKEN"]
        mask_secret(token)
        log.info("token=%s", token)
        print(f"calling with {token}")

    @task
    def about_the_connection():
        conn = BaseHook.get_connection("warehouse")
        log.info("connecting to %s as %s on %s", conn.host, conn.login, conn.conn_id)
        print("port", conn.port, "schema", conn.schema)

    @task
    def configuration():
        # Variables hold configuration, not only secrets
        recipients = Variable.get("EMAIL_DEVS")
        log.info("sending to %s", recipients)
        bucket = Variable.get("landing_bucket")
        print(f"writing to {bucket}")
        name = "integration_test_key"
        print(Variable.get(name))
        raise ValueError(f"bucket {bucket} is missing")

    @task
    def dclid():
        return len(get_secret(secret_id=SECRET_DCLID))

    load()
    dclid()
    masked()
    about_the_connection()
    configuration()


partner()
