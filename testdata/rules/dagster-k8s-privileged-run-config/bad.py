from dagster import job, op


@op
def scan():
    pass


@job(
    tags={
        "dagster-k8s/config": {
            "container_config": {
                "security_context": {"privileged": True},  # want: dagster-k8s-privileged-run-config "container runs privileged"
            },
            "pod_spec_config": {"host_network": True},  # want: dagster-k8s-privileged-run-config "network namespace"
        }
    }
)
def node_scan():
    scan()
