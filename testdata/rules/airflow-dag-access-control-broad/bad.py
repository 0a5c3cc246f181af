from airflow import DAG

with DAG(
    "payments",
    access_control={
        "Viewer": {"can_read", "can_edit", "can_delete"},  # want: airflow-dag-access-control-broad "grants `can_edit`, `can_delete` to the broad `Viewer` role"
    },
):
    pass
