# dagster-docker containers started with host privileges from Python.
from dagster import Definitions, asset, job, op
from dagster_docker import PipesDockerClient, docker_executor

privileged_executor = docker_executor.configured(
    {
        "container_kwargs": {
            "privileged": True,  # want: dagster-docker-launcher-privileged
            "volumes": {
                "/var/run/docker.sock": {"bind": "/var/run/docker.sock", "mode": "rw"},  # want: dagster-docker-launcher-privileged "`/var/run/docker.sock`"
            },
        }
    }
)


@asset
def build_image(context, pipes_docker_client: PipesDockerClient):
    return pipes_docker_client.run(
        image="builder:latest",
        command=["make", "image"],
        container_kwargs={
            "volumes": ["/var/run/docker.sock:/var/run/docker.sock"],  # want: dagster-docker-launcher-privileged
            "network_mode": "host",  # want: dagster-docker-launcher-privileged
        },
        context=context,
    ).get_materialize_result()
