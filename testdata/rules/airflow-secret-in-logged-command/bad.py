"""Secrets on command lines that Airflow logs: BashOperator, @task.bash, SSHOperator, subprocess."""
import os
import subprocess

from airflow import DAG
from airflow.decorators import task
from airflow.hooks.base import BaseHook
from airflow.models import Variable
from airflow.operators.bash import BashOperator
from airflow.providers.ssh.operators.ssh import SSHOperator
from operators.gcp_container_operator import GKEPodOperator

token = Variable.get("partner_token_plain")
conn = BaseHook.get_connection("warehouse")
PROD = os.environ.get("ENV") == "prod"
MSSQL_PASSWORD = "5FHq4fSZ85kK6g0n"
SETUP_MSSQL = f"sudo docker run -e MSSQL_SA_PASSWORD={MSSQL_PASSWORD} -d mcr.microsoft.com/mssql/server"

with DAG("commands", schedule=None) as dag:
    # interpolated when the DAG is parsed: the Variable's name has no sensitive word, never masked
    BashOperator(
        task_id="pull",
        bash_command=f"curl -H 'X-Api: {Variable.get('partner_pw')}' https://api.example.com/x",  # want: airflow-secret-in-logged-command `^secret from .Variable\.get\('partner_pw'\). is put in .bash_command., which Airflow logs as .Running command: \.\.\.. before running it$`
    )
    # a connection password concatenated in: masked while masking is on
    BashOperator(task_id="psql", bash_command="psql -U etl -W " + conn.password)  # want: airflow-secret-in-logged-command "Airflow masks connection secrets there only while secret masking is on"
    # literal credentials
    BashOperator(task_id="load", bash_command="curl -u etl:S3cretPassw0rd https://api.corp.example/x")  # want: airflow-secret-in-logged-command@60 "a .curl -u user:password. password is written in .bash_command."
    BashOperator(task_id="dump", bash_command="PGPASSWORD=Xk9pL2mQ7z pg_dump -h db.internal dw > /tmp/dw.sql")  # want: airflow-secret-in-logged-command "a literal .PGPASSWORD=. value is written"
    SSHOperator(task_id="remote", ssh_conn_id="bastion", command="sshpass -p Hx7Lq2wZpR ssh etl@10.0.0.5 ./run.sh")  # want: airflow-secret-in-logged-command "sshpass -p"
    BashOperator(task_id="mysql", bash_command="mysql -u etl -pK8dj2Lw9qX -h db.internal -e 'select 1'")  # want: airflow-secret-in-logged-command "mysql -p"
    BashOperator(task_id="api", bash_command="curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJldGwifQ.c2lnbmF0dXJl' https://api.example.com")  # want: airflow-secret-in-logged-command "Authorization header"
    BashOperator(task_id="url", bash_command="dbt run --vars '{uri: postgresql://etl:Pq8vN3kLw2@db.internal/dw}'")  # want: airflow-secret-in-logged-command "password in a URL"
    # Jinja: a Variable Airflow does not mask, and masked connection secrets (low)
    BashOperator(task_id="jinja", bash_command="echo {{ var.value.snowflake_pw }} | ./login.sh")  # want: airflow-secret-in-logged-command "does not mask"
    BashOperator(task_id="jinja_conn", bash_command="./sync.sh --password {{ conn.partner.password }}")  # want: airflow-secret-in-logged-command "while secret masking is on, but not in the process table"
    BashOperator(task_id="jinja_b64", bash_command="./sync.sh {{ var.value.api_token | b64encode }}")  # want: airflow-secret-in-logged-command "does not mask"
    # echo of a secret from the worker's environment
    BashOperator(task_id="debug", bash_command="echo \"token is $PARTNER_API_TOKEN\" && ./run.sh")  # want: airflow-secret-in-logged-command `.echo. prints .\$PARTNER_API_TOKEN.`
    # a module constant with a password, interpolated into a remote command
    SSHOperator(task_id="setup_mssql", ssh_conn_id="bastion", command=SETUP_MSSQL)  # want: airflow-secret-in-logged-command "secret from .MSSQL_PASSWORD. is put in .command."
    # a token read from the parse-time environment, passed in argv
    BashOperator(task_id="argv", bash_command="./export.sh --token " + os.environ["EXPORT_TOKEN"])  # want: airflow-secret-in-logged-command "EXPORT_TOKEN"


@task.bash
def refresh():
    return f"./refresh.sh {token}"  # want: airflow-secret-in-logged-command "@task.bash .refresh."


@task
def run_export():
    password = os.environ["EXPORT_DB_PASSWORD"]
    cmd = ["pg_dump", "--dbname", f"postgresql://etl:{password}@db.internal/dw"]
    subprocess.run(cmd, check=True)  # want: airflow-secret-in-logged-command "process table"


pod = GKEPodOperator(
    task_id="collector",
    image="collector:latest",
    arguments=["--auth-token={{ var.value.dap_auth_token }}", "--date={{ ds }}"],  # want: airflow-secret-in-logged-command "renders a secret into .arguments., shown in the Rendered Template view"
)

pod_with_optional_key = GKEPodOperator(
    task_id="scraper",
    image="scraper:latest",
    arguments=["--update"] + (["--bugzilla-api-key", "{{ var.value.bugzilla_api_key }}"] if PROD else []),  # want: airflow-secret-in-logged-command "var.value.bugzilla_api_key"
)
