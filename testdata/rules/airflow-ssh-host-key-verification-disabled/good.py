"""Pinned host keys."""
from airflow.models import Connection

bastion = Connection(
    conn_id="bastion",
    conn_type="ssh",
    host="bastion.example.com",
    extra={"no_host_key_check": False, "host_key": "AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE"},
)
