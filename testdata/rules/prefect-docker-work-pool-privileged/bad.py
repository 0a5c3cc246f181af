from prefect import flow


@flow
def build_images():
    pass


if __name__ == "__main__":
    build_images.deploy(
        name="builder",
        work_pool_name="docker-pool",
        image="registry.example.com/builder:1",
        job_variables={
            "privileged": True,  # want: prefect-docker-work-pool-privileged "container runs privileged"
            "volumes": ["/var/run/docker.sock:/var/run/docker.sock"],  # want: prefect-docker-work-pool-privileged "host's `/var/run/docker.sock`"
        },
    )
