# dagster-docker containers without host privileges.
import os

from dagster import asset
from dagster_docker import PipesDockerClient, docker_executor

ARCHIVE_FOLDER = os.environ["ARCHIVE_FOLDER"]

plain_executor = docker_executor.configured(
    {
        "container_kwargs": {
            "auto_remove": True,
            "privileged": False,
            "volumes": ["/opt/dagster/data:/data:ro"],
            "network_mode": "bridge",
            "cap_add": ["NET_BIND_SERVICE"],
        }
    }
)


@asset
def consume(context, pipes_docker_client: PipesDockerClient):
    return pipes_docker_client.run(
        image="consumer:1.0",
        command=[],
        container_kwargs={"volumes": [f"{ARCHIVE_FOLDER}:/work"]},
        context=context,
    ).get_materialize_result()
