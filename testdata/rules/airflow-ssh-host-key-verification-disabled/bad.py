"""SSH connections defined in code that accept any host key."""
from airflow.models import Connection

bastion = Connection(
    conn_id="bastion",
    conn_type="ssh",
    host="bastion.example.com",
    extra={"no_host_key_check": True},  # want: airflow-ssh-host-key-verification-disabled "ssh connection `bastion`"
)
