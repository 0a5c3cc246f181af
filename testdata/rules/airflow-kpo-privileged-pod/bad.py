from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator

debug = KubernetesPodOperator(
    task_id="debug",
    image="busybox",
    hostnetwork=True,  # want: airflow-kpo-privileged-pod "node's network namespace"
    container_security_context={"privileged": True},  # want: airflow-kpo-privileged-pod "container runs privileged"
)
