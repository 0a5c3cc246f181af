"""Commands that get their secrets from the environment at run time, and look-alikes."""
import os
import subprocess

from airflow import DAG
from airflow.decorators import task
from airflow.models import Variable
from airflow.operators.bash import BashOperator
from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
from airflow.providers.ssh.operators.ssh import SSHOperator

bucket = Variable.get("landing_bucket")
# a system test's throwaway database, with a placeholder password
DB_USER_PASSWORD = "demo_password"
SETUP_COMMAND = f"docker run -e POSTGRES_PASSWORD={DB_USER_PASSWORD} -d postgres"

with DAG("commands", schedule=None) as dag:
    # the safe form: the secret travels in env=, rendered at run time and masked
    BashOperator(
        task_id="load",
        env={"API_PW": "{{ conn.api.password }}", "DB_PASSWORD": "{{ conn.db.password }}"},
        append_env=True,
        bash_command="curl -u etl:$API_PW https://api.corp.example/x && echo \"using $DB_PASSWORD\"",
    )
    BashOperator(task_id="dump", bash_command="PGPASSWORD=$DW_PASSWORD pg_dump -h db.internal dw > /tmp/dw.sql")
    BashOperator(task_id="login", bash_command="echo $REGISTRY_TOKEN | docker login --password-stdin registry.example.com")
    BashOperator(task_id="file", bash_command="echo $TOKEN > /run/secrets/token")
    BashOperator(task_id="count", bash_command="echo $TOKEN_COUNT tokens; echo ${PASSWORD_FILE}")
    BashOperator(task_id="cwd", bash_command="echo $PWD; echo ${OLDPWD}; ls")
    BashOperator(task_id="mysql", bash_command="mysql -u etl -p -h db.internal -e 'select 1'")
    BashOperator(task_id="placeholder", bash_command="curl -u user:password https://api.example.com  # docs example")
    BashOperator(task_id="cfg", bash_command="aws s3 cp s3://{{ var.value.landing_bucket }}/x . --region {{ conn.aws.extra_dejson.region_name }}")
    BashOperator(task_id="host", bash_command="pg_isready -h {{ conn.db.host }} -U {{ conn.db.login }}")
    BashOperator(task_id="bucket", bash_command=f"aws s3 ls s3://{bucket}/")
    BashOperator(task_id="script", bash_command="scripts/load.sh ")
    SSHOperator(task_id="setup_db", ssh_conn_id="bastion", command=SETUP_COMMAND)
    SSHOperator(task_id="remote", ssh_conn_id="bastion", command="cd /opt/etl && ./run.sh --password-file /etc/etl/pw")
    BashOperator(task_id="token_url", bash_command="curl --token-url https://auth.example.com/token https://api.example.com")


@task.bash(env={"TOKEN": "{{ var.value.api_token }}"})
def refresh():
    return "echo $TOKEN && ./refresh.sh"


@task
def run_export():
    password = os.environ["EXPORT_DB_PASSWORD"]
    subprocess.run(["pg_dump", "-h", "db.internal", "dw"], env={**os.environ, "PGPASSWORD": password}, check=True)
    subprocess.run(["echo", "done"], check=True)


pod = KubernetesPodOperator(
    task_id="collector",
    image="collector:latest",
    arguments=["--task-config-url={{ var.value.dap_task_config_url }}", "--date={{ ds }}"],
    env_vars={"AUTH_TOKEN": "{{ var.value.dap_auth_token }}"},
)
