"""A Connection class of another library is not Airflow's."""
from mylib.db import Connection

c = Connection(host="db", password="not-an-airflow-connection")
