from dagster import asset, job, op


@op
def load():
    pass


@job(
    tags={
        "dagster-k8s/config": {
            "container_config": {
                "resources": {"limits": {"cpu": "2", "memory": "4Gi"}},
                "security_context": {"run_as_non_root": True, "run_as_user": 1000, "privileged": False},
            },
            "pod_spec_config": {"host_network": False},
        },
        "privileged": True,
    }
)
def nightly():
    load()


@asset(op_tags={"team": "data", "host_network": True})
def report():
    return 1
