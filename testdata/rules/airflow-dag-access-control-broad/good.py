from airflow import DAG

with DAG(
    "payments",
    access_control={
        "payments-ops": {"can_read", "can_edit", "can_delete"},
        "Viewer": {"can_read"},
        "User": {"DAGs": {"can_read"}},
    },
):
    pass
