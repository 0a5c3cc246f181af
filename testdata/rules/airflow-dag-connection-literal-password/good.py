"""Connections whose passwords come from somewhere else at run time."""
import os

from airflow.hooks.base import BaseHook
from airflow.models import Connection, Variable

from_variable = Connection(conn_id="a", password=Variable.get("a_password"))
from_environ = Connection(conn_id="b", password=os.environ["B_PASSWORD"])
from_getenv = Connection(conn_id="c", password=os.getenv("C_PASSWORD"))
from_template = Connection(conn_id="d", password="{{ var.value.d_password }}")
from_other_connection = Connection(conn_id="e", password=BaseHook.get_connection("x").password)
empty = Connection(conn_id="f", password="")
placeholder = Connection(conn_id="g", password="<password>")
no_password_in_uri = Connection(conn_id="h", uri="postgresql://etl@db.internal/etl")
env_in_uri = Connection(conn_id="i", uri="postgresql://etl:${DB_PASSWORD}@db.internal/etl")
by_id_only = Connection(conn_id="warehouse")
