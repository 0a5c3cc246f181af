from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
from kubernetes.client import models as k8s

data = k8s.V1Volume(name="data", host_path=k8s.V1HostPathVolumeSource(path="/mnt/data"))

extract = KubernetesPodOperator(
    task_id="extract",
    image="registry.example.com/extract:1.4",
    hostnetwork=False,
    volumes=[data],
    security_context={"runAsNonRoot": True, "runAsUser": 1000, "fsGroup": 2000},
    container_security_context={
        "allowPrivilegeEscalation": False,
        "privileged": False,
        "readOnlyRootFilesystem": True,
        "capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]},
    },
)
