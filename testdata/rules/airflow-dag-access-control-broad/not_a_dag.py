from airflow.models import DAG


def access_control(x):
    return x


settings = dict(access_control={"Viewer": {"can_edit"}})
DAG("reports", default_args={"access_control": {"Viewer": {"can_edit"}}})
