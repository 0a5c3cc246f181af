"""Connections built in DAG code with their passwords written out."""
from airflow.models import Connection
from airflow.models.connection import Connection as Conn

snowflake = Connection(conn_id="snow", conn_type="snowflake", login="etl", password="Spring-fake-pw!")  # want: airflow-dag-connection-literal-password "connection `snow` password is a string literal"

legacy = Conn(
    conn_id="legacy",
    password="hunter2-but-longer",  # want: airflow-dag-connection-literal-password
)

DB_PASSWORD = "s3cr3t-in-a-constant"
from_constant = Connection(conn_id="c", password=DB_PASSWORD)  # want: airflow-dag-connection-literal-password

# want: airflow-dag-connection-literal-password "URI carries a literal password"
pg = Connection(conn_id="pg", uri="postgresql://etl:Pa55w0rd-x@db.internal:5432/etl")
