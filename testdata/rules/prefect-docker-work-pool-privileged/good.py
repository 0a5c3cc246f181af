from prefect import flow


@flow
def etl():
    pass


if __name__ == "__main__":
    etl.deploy(
        name="etl",
        work_pool_name="docker-pool",
        image="registry.example.com/etl:1",
        job_variables={
            "privileged": False,
            "volumes": ["etl-cache:/cache", "/srv/etl/config:/config:ro"],
            "network_mode": "bridge",
            "env": {"PREFECT_LOGGING_LEVEL": "INFO"},
        },
    )
