from dagster import asset, AssetExecutionContext
from dagster_k8s import PipesK8sClient

ROOT = "/"


@asset
def profile(context: AssetExecutionContext, k8s: PipesK8sClient):
    return k8s.run(
        context=context,
        image="profiler:1",
        base_pod_spec={
            "host_pid": True,  # want: dagster-k8s-privileged-run-config "process namespace"
            "volumes": [{"name": "root", "host_path": {"path": ROOT}}],  # want: dagster-k8s-privileged-run-config "node's `/`"
            "containers": [{"security_context": {"allow_privilege_escalation": True, "run_as_user": 0}}],  # want: dagster-k8s-privileged-run-config "allowPrivilegeEscalation" dagster-k8s-privileged-run-config "runs as root"
        },
    ).get_materialize_result()


@asset(op_tags={"dagster-k8s/config": {"container_config": {"security_context": {"capabilities": {"add": ["NET_ADMIN"]}}}}})  # want: dagster-k8s-privileged-run-config "capability `NET_ADMIN`"
def capture():
    return 2
