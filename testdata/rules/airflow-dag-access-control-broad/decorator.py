import pendulum
from airflow.decorators import dag

BROAD = {"DAGs": {"can_read", "can_edit"}, "DAG Runs": {"can_create"}}


@dag(
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1),
    access_control={"User": BROAD},  # want: airflow-dag-access-control-broad "`can_edit`, `can_create`"
)
def reports():
    pass


@dag(access_control={"Public": ["can_dag_edit"]})  # want: airflow-dag-access-control-broad "broad `Public` role"
def legacy():
    pass
