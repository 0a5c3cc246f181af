from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
from airflow.operators.python import PythonOperator
from kubernetes.client import models as k8s

docker_sock = k8s.V1Volume(
    name="docker",
    host_path=k8s.V1HostPathVolumeSource(path="/var/run/docker.sock"),  # want: airflow-kpo-privileged-pod "node's `/var/run/docker.sock`"
)

build = KubernetesPodOperator(
    task_id="build",
    image="docker:24",
    volumes=[docker_sock],
    container_security_context=k8s.V1SecurityContext(
        allow_privilege_escalation=True,  # want: airflow-kpo-privileged-pod "allowPrivilegeEscalation"
        run_as_user=0,  # want: airflow-kpo-privileged-pod "runs as root"
        capabilities=k8s.V1Capabilities(add=["SYS_ADMIN"]),  # want: airflow-kpo-privileged-pod "capability `SYS_ADMIN`"
    ),
)

heavy = PythonOperator(
    task_id="heavy",
    python_callable=print,
    executor_config={
        "pod_override": k8s.V1Pod(
            spec=k8s.V1PodSpec(
                host_pid=True,  # want: airflow-kpo-privileged-pod "process namespace"
                containers=[k8s.V1Container(name="base")],
            )
        )
    },
)
