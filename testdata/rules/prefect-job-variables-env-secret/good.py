from prefect import flow


@flow
def etl():
    pass


etl.deploy(name="n", work_pool_name="k8s", job_variables={"env": {"API_TOKEN": "{{ prefect.blocks.secret.api-token }}", "MODE": "prod"}})
